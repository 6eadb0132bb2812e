package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.LoggingContract;

class SqliteLoggingTest extends LoggingContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
