package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.IdentifierFuzzReliabilityContract;

class SqliteIdentifierFuzzReliabilityTest extends IdentifierFuzzReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
