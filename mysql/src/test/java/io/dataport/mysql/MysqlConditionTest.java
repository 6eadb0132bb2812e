package io.dataport.mysql;

import io.dataport.contract.ConditionContract;
import io.dataport.contract.DatabaseTarget;

class MysqlConditionTest extends ConditionContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
