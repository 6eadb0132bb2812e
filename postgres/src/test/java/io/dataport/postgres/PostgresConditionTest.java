package io.dataport.postgres;

import io.dataport.contract.ConditionContract;
import io.dataport.contract.DatabaseTarget;

class PostgresConditionTest extends ConditionContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
