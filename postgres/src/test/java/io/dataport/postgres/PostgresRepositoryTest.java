package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.RepositoryContract;

class PostgresRepositoryTest extends RepositoryContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
