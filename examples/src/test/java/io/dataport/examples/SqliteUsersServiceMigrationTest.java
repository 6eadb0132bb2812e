package io.dataport.examples;

import java.util.concurrent.atomic.AtomicInteger;

/** The users service's migrations on SQLite files. */
class SqliteUsersServiceMigrationTest extends UsersServiceMigrationScenarios {
    private final AtomicInteger files = new AtomicInteger();

    @Override
    protected String freshUrl() {
        return "sqlite:" + dir.resolve("users-" + files.incrementAndGet() + ".db");
    }
}
