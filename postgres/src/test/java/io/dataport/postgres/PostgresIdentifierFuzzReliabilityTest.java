package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.IdentifierFuzzReliabilityContract;

class PostgresIdentifierFuzzReliabilityTest extends IdentifierFuzzReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
