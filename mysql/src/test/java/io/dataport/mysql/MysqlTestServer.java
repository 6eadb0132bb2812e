package io.dataport.mysql;

import io.dataport.test.TestDatabase;

/**
 * The MySQL or MariaDB server the tests run against, found by dataport-test as it finds one for applications'
 * {@code @DataportTest} classes ({@link TestDatabase}: {@code DATAPORT_TEST_MYSQL_URL}, a Testcontainers MariaDB
 * container when Docker answers, localhost:3306); when there is none the calling test is skipped with a message,
 * or fails under {@code CI=true}.
 */
public final class MysqlTestServer {

    private MysqlTestServer() {
    }

    /** The base URL of the test server; skips (or, under CI, fails) the calling test when there is none. */
    public static String url() {
        return TestDatabase.serverUrl("mysql");
    }

    /** The server's URL with another database in place of the base URL's. */
    static String withDatabase(String base, String database) {
        return base.replaceFirst("(://[^/?]*/)[^?]*", "$1" + database);
    }
}
