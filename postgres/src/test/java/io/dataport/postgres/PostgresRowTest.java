package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.RowContract;

class PostgresRowTest extends RowContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
