package io.dataport.mysql;

import io.dataport.contract.BatchInsertContract;
import io.dataport.contract.DatabaseTarget;

class MysqlBatchInsertTest extends BatchInsertContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
