package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ValueTypeContract;

class MysqlValueTypeTest extends ValueTypeContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
