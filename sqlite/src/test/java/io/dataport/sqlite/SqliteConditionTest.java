package io.dataport.sqlite;

import io.dataport.contract.ConditionContract;
import io.dataport.contract.DatabaseTarget;

class SqliteConditionTest extends ConditionContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
