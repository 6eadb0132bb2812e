package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.test.TestDatabase;

/**
 * MySQL or MariaDB for the contract suite: every call makes a new database on the test server (dataport-test's
 * {@link TestDatabase}, the mechanism applications' {@code @DataportTest} classes get) and returns its URL, so
 * tests (and builds running side by side) never share tables. The databases are dropped when the JVM exits.
 */
public final class MysqlTarget implements DatabaseTarget {
    public static final MysqlTarget INSTANCE = new MysqlTarget();

    private MysqlTarget() {
    }

    @Override
    public String backend() {
        return "mysql";
    }

    @Override
    public String freshUrl() {
        return TestDatabase.create("mysql").url();
    }

    /** The URL of the server's own database, for tests that need no fresh one. */
    public String serverUrl() {
        return MysqlTestServer.url();
    }
}
