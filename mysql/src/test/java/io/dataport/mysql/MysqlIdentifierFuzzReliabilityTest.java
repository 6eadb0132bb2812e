package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.IdentifierFuzzReliabilityContract;

class MysqlIdentifierFuzzReliabilityTest extends IdentifierFuzzReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
