package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SchemaContract;

class SqliteSchemaTest extends SchemaContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
