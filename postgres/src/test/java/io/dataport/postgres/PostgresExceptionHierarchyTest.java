package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ExceptionHierarchyContract;

class PostgresExceptionHierarchyTest extends ExceptionHierarchyContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
