package io.dataport.postgres;

import io.dataport.contract.BatchInsertContract;
import io.dataport.contract.DatabaseTarget;

class PostgresBatchInsertTest extends BatchInsertContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
