package io.dataport.sqlite;

import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SoakReliabilityContract;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;

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
        SqliteConnector c = (SqliteConnector) connector.invoke(db);
        Field borrowed = SqliteConnector.class.getDeclaredField("borrowedReaders");
        borrowed.setAccessible(true);
        Field lock = SqliteConnector.class.getDeclaredField("writeLock");
        lock.setAccessible(true);
        return ((Set<?>) borrowed.get(c)).size() + (((ReentrantLock) lock.get(c)).isLocked() ? 1 : 0);
    }
}
