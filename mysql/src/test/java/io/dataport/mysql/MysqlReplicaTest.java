package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.ReplicaContract;

class MysqlReplicaTest extends ReplicaContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
