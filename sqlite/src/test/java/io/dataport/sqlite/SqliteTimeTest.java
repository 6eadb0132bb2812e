package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.TimeContract;

class SqliteTimeTest extends TimeContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
