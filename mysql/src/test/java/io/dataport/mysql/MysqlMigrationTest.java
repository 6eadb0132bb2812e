package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.MigrationContract;

class MysqlMigrationTest extends MigrationContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
