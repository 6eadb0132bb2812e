package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.IsolationAndRetryCountContract;

class MysqlIsolationAndRetryCountTest extends IsolationAndRetryCountContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
