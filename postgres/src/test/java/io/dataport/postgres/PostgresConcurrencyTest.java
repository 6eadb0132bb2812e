package io.dataport.postgres;

import io.dataport.contract.ConcurrencyContract;
import io.dataport.contract.DatabaseTarget;

class PostgresConcurrencyTest extends ConcurrencyContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
