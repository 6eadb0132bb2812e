package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ExceptionHierarchyContract;

class MysqlExceptionHierarchyTest extends ExceptionHierarchyContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
