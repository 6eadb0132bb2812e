package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SchemaChangeContract;

class PostgresSchemaChangeTest extends SchemaChangeContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
