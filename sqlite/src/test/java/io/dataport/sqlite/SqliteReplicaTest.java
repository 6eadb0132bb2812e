package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ReplicaContract;

class SqliteReplicaTest extends ReplicaContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
