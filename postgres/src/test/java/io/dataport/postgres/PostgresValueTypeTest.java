package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ValueTypeContract;

class PostgresValueTypeTest extends ValueTypeContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
