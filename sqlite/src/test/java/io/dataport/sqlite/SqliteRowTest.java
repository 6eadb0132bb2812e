package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.RowContract;

class SqliteRowTest extends RowContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
