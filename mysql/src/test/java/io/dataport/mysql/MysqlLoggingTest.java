package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.LoggingContract;

class MysqlLoggingTest extends LoggingContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
