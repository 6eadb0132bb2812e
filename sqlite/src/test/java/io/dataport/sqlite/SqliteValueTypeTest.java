package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ValueTypeContract;

class SqliteValueTypeTest extends ValueTypeContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
