package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SchemaContract;

class PostgresSchemaTest extends SchemaContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
