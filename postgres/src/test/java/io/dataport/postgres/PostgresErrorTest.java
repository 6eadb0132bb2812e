package io.dataport.postgres;

import io.dataport.contract.ErrorContract;
import io.dataport.contract.DatabaseTarget;

class PostgresErrorTest extends ErrorContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
