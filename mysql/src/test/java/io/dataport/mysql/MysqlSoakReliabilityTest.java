package io.dataport.mysql;

import com.zaxxer.hikari.HikariDataSource;
import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SoakReliabilityContract;

import java.lang.reflect.Field;
import java.lang.reflect.Method;

class MysqlSoakReliabilityTest extends SoakReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }

    /** HikariCP's count of active (borrowed) connections. */
    @Override
    protected int borrowedConnections(Database db) throws Exception {
        Method connector = Database.class.getDeclaredMethod("connector");
        connector.setAccessible(true);
        MysqlConnector c = (MysqlConnector) connector.invoke(db);
        Field pool = MysqlConnector.class.getDeclaredField("pool");
        pool.setAccessible(true);
        return ((HikariDataSource) pool.get(c)).getHikariPoolMXBean().getActiveConnections();
    }
}
