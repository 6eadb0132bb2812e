package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.RepositoryContract;

class MysqlRepositoryTest extends RepositoryContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
