package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.TimeContract;

class PostgresTimeTest extends TimeContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
