package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.QueryTimeoutContract;

class MysqlQueryTimeoutTest extends QueryTimeoutContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
