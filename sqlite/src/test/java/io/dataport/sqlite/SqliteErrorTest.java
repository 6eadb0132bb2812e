package io.dataport.sqlite;

import io.dataport.contract.ErrorContract;
import io.dataport.contract.DatabaseTarget;

class SqliteErrorTest extends ErrorContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
