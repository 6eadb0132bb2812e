package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ReplicaContract;

class PostgresReplicaTest extends ReplicaContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
