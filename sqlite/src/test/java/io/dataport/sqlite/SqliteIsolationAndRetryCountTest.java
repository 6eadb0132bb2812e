package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.IsolationAndRetryCountContract;

class SqliteIsolationAndRetryCountTest extends IsolationAndRetryCountContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
