package io.dataport.sqlite;

import io.dataport.contract.BatchInsertContract;
import io.dataport.contract.DatabaseTarget;

class SqliteBatchInsertTest extends BatchInsertContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
