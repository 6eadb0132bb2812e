package io.dataport.sqlite;

import io.dataport.contract.ConcurrencyContract;
import io.dataport.contract.DatabaseTarget;

class SqliteConcurrencyTest extends ConcurrencyContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
