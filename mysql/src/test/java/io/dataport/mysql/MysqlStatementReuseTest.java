package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.StatementReuseContract;

class MysqlStatementReuseTest extends StatementReuseContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
