package io.dataport.examples;

import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** The users service end to end on a SQLite file. */
class SqliteUsersServiceTest extends UsersServiceScenarios {
    @TempDir
    Path dir;

    @Override
    protected String freshUrl() {
        return "sqlite:" + dir.resolve("users.db");
    }

    @Override
    protected String backend() {
        return "sqlite";
    }
}
