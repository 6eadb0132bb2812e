package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.TimeContract;

class MysqlTimeTest extends TimeContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
