package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.MappingContract;

class PostgresMappingTest extends MappingContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
