package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.test.TestDatabase;

/**
 * PostgreSQL for the contract suite: every call makes a new schema on the test server (dataport-test's
 * {@link TestDatabase}, the mechanism applications' {@code @DataportTest} classes get) and returns its URL, so
 * tests (and builds running side by side) never share tables. The schemas are dropped when the JVM exits.
 */
public final class PostgresTarget implements DatabaseTarget {
    public static final PostgresTarget INSTANCE = new PostgresTarget();

    private PostgresTarget() {
    }

    @Override
    public String backend() {
        return "postgres";
    }

    @Override
    public String freshUrl() {
        return TestDatabase.create("postgres").url();
    }

    /** The URL of the server itself, for tests that need a database without a fresh schema. */
    public String serverUrl() {
        return PostgresTestServer.url();
    }
}
