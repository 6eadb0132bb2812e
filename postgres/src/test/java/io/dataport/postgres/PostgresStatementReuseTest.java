package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.StatementReuseContract;

class PostgresStatementReuseTest extends StatementReuseContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
