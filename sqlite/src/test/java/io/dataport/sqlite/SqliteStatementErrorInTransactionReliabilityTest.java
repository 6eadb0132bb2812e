package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.StatementErrorInTransactionReliabilityContract;

class SqliteStatementErrorInTransactionReliabilityTest extends StatementErrorInTransactionReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
