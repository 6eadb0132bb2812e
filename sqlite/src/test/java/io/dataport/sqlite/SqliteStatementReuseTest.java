package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.StatementReuseContract;

class SqliteStatementReuseTest extends StatementReuseContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
