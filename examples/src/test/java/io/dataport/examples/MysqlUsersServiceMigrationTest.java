package io.dataport.examples;

import io.dataport.mysql.MysqlTarget;

/** The users service's migrations on MySQL or MariaDB, each test in a fresh database. */
class MysqlUsersServiceMigrationTest extends UsersServiceMigrationScenarios {
    @Override
    protected String freshUrl() {
        return MysqlTarget.INSTANCE.freshUrl();
    }
}
