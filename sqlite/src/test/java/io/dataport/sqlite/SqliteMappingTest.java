package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.MappingContract;

class SqliteMappingTest extends MappingContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
