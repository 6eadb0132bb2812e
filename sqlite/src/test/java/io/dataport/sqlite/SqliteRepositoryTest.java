package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.RepositoryContract;

class SqliteRepositoryTest extends RepositoryContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
