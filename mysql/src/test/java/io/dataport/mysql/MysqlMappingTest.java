package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.MappingContract;

class MysqlMappingTest extends MappingContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
