package io.dataport.postgres;

import io.dataport.test.TestDatabase;

/**
 * The PostgreSQL server the tests run against, found by dataport-test as it finds one for applications'
 * {@code @DataportTest} classes ({@link TestDatabase}: {@code DATAPORT_TEST_POSTGRES_URL}, a Testcontainers
 * container when Docker answers, localhost:5432); when there is none the calling test is skipped with a message,
 * or fails under {@code CI=true}.
 */
public final class PostgresTestServer {

    private PostgresTestServer() {
    }

    /** The base URL of the test server; skips (or, under CI, fails) the calling test when there is none. */
    public static String url() {
        return TestDatabase.serverUrl("postgres");
    }

    /** Appends a query parameter to a PostgreSQL URL. */
    static String withParameter(String base, String name, String value) {
        return base + (base.contains("?") ? "&" : "?") + name + "=" + value;
    }
}
