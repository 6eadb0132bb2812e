package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.RowContract;

class MysqlRowTest extends RowContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
