package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.IsolationAndRetryCountContract;

class PostgresIsolationAndRetryCountTest extends IsolationAndRetryCountContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
