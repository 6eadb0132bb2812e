package io.dataport.mysql;

import io.dataport.contract.TransactionContract;
import io.dataport.contract.DatabaseTarget;

class MysqlTransactionTest extends TransactionContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
