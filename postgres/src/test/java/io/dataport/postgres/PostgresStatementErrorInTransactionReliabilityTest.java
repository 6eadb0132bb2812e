package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.StatementErrorInTransactionReliabilityContract;

class PostgresStatementErrorInTransactionReliabilityTest extends StatementErrorInTransactionReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
