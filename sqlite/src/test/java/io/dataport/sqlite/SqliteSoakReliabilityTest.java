package io.dataport.sqlite;

import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SoakReliabilityContract;

import java.lang.reflect.Method;

class SqliteSoakReliabilityTest extends SoakReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }

    /** Borrowed readers plus the writer if its lock is held. */
    @Override
    protected int borrowedConnections(Database db) throws Exception {
        Method connector = Database.class.getDeclaredMethod("connector");
        connector.setAccessible(true);
        return ((SqliteConnector) connector.invoke(db)).poolState().active();
    }
}
