package io.dataport.examples;

import io.dataport.postgres.PostgresTarget;

/** The users service's migrations on PostgreSQL, each test in a fresh schema. */
class PostgresUsersServiceMigrationTest extends UsersServiceMigrationScenarios {
    @Override
    protected String freshUrl() {
        return PostgresTarget.INSTANCE.freshUrl();
    }
}
