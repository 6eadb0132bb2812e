package io.dataport.sqlite;

import io.dataport.contract.AsyncContract;
import io.dataport.contract.DatabaseTarget;

class SqliteAsyncTest extends AsyncContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
