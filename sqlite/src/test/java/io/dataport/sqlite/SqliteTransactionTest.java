package io.dataport.sqlite;

import io.dataport.contract.TransactionContract;
import io.dataport.contract.DatabaseTarget;

class SqliteTransactionTest extends TransactionContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
