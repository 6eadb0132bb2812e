package io.dataport.postgres;

import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SoakReliabilityContract;

class PostgresSoakReliabilityTest extends SoakReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }

    /** The pool's connections in use, as HikariCP counts them. */
    @Override
    protected int borrowedConnections(Database db) {
        return db.metrics().activeConnections();
    }
}
