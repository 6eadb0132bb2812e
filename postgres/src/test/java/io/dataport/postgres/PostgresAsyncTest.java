package io.dataport.postgres;

import io.dataport.contract.AsyncContract;
import io.dataport.contract.DatabaseTarget;

class PostgresAsyncTest extends AsyncContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
