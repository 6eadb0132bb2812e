package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SchemaChangeContract;

class MysqlSchemaChangeTest extends SchemaChangeContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
