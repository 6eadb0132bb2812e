package io.dataport.examples;

import io.dataport.postgres.PostgresTarget;

/** The users service end to end on PostgreSQL, in a fresh schema. */
class PostgresUsersServiceTest extends UsersServiceScenarios {
    @Override
    protected String freshUrl() {
        return PostgresTarget.INSTANCE.freshUrl();
    }

    @Override
    protected String backend() {
        return "postgres";
    }
}
