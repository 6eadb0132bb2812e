package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.QueryTimeoutContract;

class PostgresQueryTimeoutTest extends QueryTimeoutContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
