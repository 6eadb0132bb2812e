package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ExceptionHierarchyContract;

class SqliteExceptionHierarchyTest extends ExceptionHierarchyContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
