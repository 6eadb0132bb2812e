package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.LoggingContract;

class PostgresLoggingTest extends LoggingContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
