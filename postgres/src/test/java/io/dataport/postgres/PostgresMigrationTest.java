package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.MigrationContract;

class PostgresMigrationTest extends MigrationContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
