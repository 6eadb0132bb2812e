package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.StatementErrorInTransactionReliabilityContract;

class MysqlStatementErrorInTransactionReliabilityTest extends StatementErrorInTransactionReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
