package io.dataport.mysql;

import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SoakReliabilityContract;

class MysqlSoakReliabilityTest extends SoakReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }

    /** The pool's connections in use, as HikariCP counts them. */
    @Override
    protected int borrowedConnections(Database db) {
        return db.metrics().activeConnections();
    }
}
