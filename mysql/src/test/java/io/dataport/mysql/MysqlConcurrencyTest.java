package io.dataport.mysql;

import io.dataport.contract.ConcurrencyContract;
import io.dataport.contract.DatabaseTarget;

class MysqlConcurrencyTest extends ConcurrencyContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
