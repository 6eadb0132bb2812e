package io.dataport.postgres;

import io.dataport.contract.TransactionContract;
import io.dataport.contract.DatabaseTarget;

class PostgresTransactionTest extends TransactionContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
