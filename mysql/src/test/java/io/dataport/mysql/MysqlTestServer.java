package io.dataport.mysql;

import io.dataport.Database;
import io.dataport.DatabaseUrl;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mariadb.MariaDBContainer;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.StringJoiner;

/**
 * Finds the MySQL or MariaDB server the tests run against, in this order: the URL in the environment variable
 * {@code DATAPORT_TEST_MYSQL_URL}; a Testcontainers MariaDB container when a Docker engine answers; a server on
 * {@code localhost:3306} (user {@code root}, password from {@code MYSQL_PWD} if set, database {@code test}).
 * When none is found the tests are skipped with a message, except under {@code CI=true}, where they fail.
 */
public final class MysqlTestServer {
    public static final String ENV_URL = "DATAPORT_TEST_MYSQL_URL";
    private static volatile String url;
    private static volatile String problem;

    private MysqlTestServer() {
    }

    /** The base URL of the test server; skips (or, under CI, fails) the calling test when there is none. */
    public static synchronized String url() {
        if (url == null && problem == null) {
            find();
        }
        if (url == null) {
            String message = "No MySQL or MariaDB server for the tests: " + problem + ". Provide one: set "
                    + ENV_URL + "=mysql://user:password@host:3306/db, or start Docker (Testcontainers), or run "
                    + "MariaDB on localhost:3306 with user root and a database test.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: MySQL tests must run, not skip.)");
            }
            Assumptions.abort(message);
        }
        return url;
    }

    private static void find() {
        String fromEnv = System.getenv(ENV_URL);
        if (fromEnv != null && !fromEnv.isBlank()) {
            url = fromEnv.strip();
            return;
        }
        if (dockerAnswers()) {
            MariaDBContainer container = new MariaDBContainer("mariadb:10.11");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            url = "mysql://root:" + container.getPassword() + "@" + container.getHost() + ":"
                    + container.getMappedPort(3306) + "/" + container.getDatabaseName();
            return;
        }
        if (portOpen("localhost", 3306)) {
            String password = System.getenv("MYSQL_PWD");
            url = "mysql://root" + (password == null ? "" : ":" + URLEncoder.encode(password, StandardCharsets.UTF_8))
                    + "@127.0.0.1:3306/test";
            try (Database probe = Database.open(url)) {
                probe.ping();
            } catch (RuntimeException e) {
                url = null;
                problem = "localhost:3306 answers but login as root failed (" + e.getMessage() + ")";
            }
            return;
        }
        problem = ENV_URL + " is not set, no Docker engine answers, and nothing listens on localhost:3306";
    }

    private static boolean dockerAnswers() {
        if ("false".equals(System.getenv("DATAPORT_TEST_DOCKER"))) {
            return false;
        }
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (Throwable t) {
            return false;
        }
    }

    private static boolean portOpen(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    /** The server's URL with another database in place of the base URL's. */
    static String withDatabase(String base, String database) {
        DatabaseUrl parsed = DatabaseUrl.parse(base);
        StringBuilder u = new StringBuilder(parsed.scheme()).append("://");
        if (parsed.user() != null) {
            u.append(encode(parsed.user()));
            if (parsed.password() != null) {
                u.append(':').append(encode(parsed.password()));
            }
            u.append('@');
        }
        u.append(String.join(",", parsed.hosts())).append('/').append(database);
        StringJoiner query = new StringJoiner("&", "?", "");
        query.setEmptyValue("");
        for (Map.Entry<String, String> p : parsed.parameters().entrySet()) {
            query.add(p.getKey() + "=" + encode(p.getValue()));
        }
        return u.append(query).toString();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
