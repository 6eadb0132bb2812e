package io.dataport.postgres;

import io.dataport.Database;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Locale;

/**
 * Finds the PostgreSQL server the tests run against, in this order: the URL in the environment variable
 * {@code DATAPORT_TEST_POSTGRES_URL}; a Testcontainers container when a Docker engine answers; a server on
 * {@code localhost:5432} (user {@code postgres}, password from {@code PGPASSWORD} if set). When none is found
 * the tests are skipped with a message — except under {@code CI=true}, where they fail, since CI must run them.
 */
public final class PostgresTestServer {
    public static final String ENV_URL = "DATAPORT_TEST_POSTGRES_URL";
    private static final String LOCAL_URL = "postgresql://postgres@localhost:5432/postgres";
    private static volatile String url;
    private static volatile String problem;

    private PostgresTestServer() {
    }

    /** The base URL of the test server; skips (or, under CI, fails) the calling test when there is none. */
    public static synchronized String url() {
        if (url == null && problem == null) {
            find();
        }
        if (url == null) {
            String message = "No PostgreSQL server for the tests: " + problem + ". Provide one: set "
                    + ENV_URL + "=postgresql://user:password@host:5432/db, or start Docker (Testcontainers), or run "
                    + "PostgreSQL on localhost:5432 with user postgres.";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new IllegalStateException(message + " (CI=true: PostgreSQL tests must run, not skip.)");
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
            PostgreSQLContainer container = new PostgreSQLContainer("postgres:15-alpine");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            url = "postgresql://" + container.getUsername() + ":" + container.getPassword() + "@"
                    + container.getHost() + ":" + container.getMappedPort(5432) + "/" + container.getDatabaseName();
            return;
        }
        if (portOpen("localhost", 5432)) {
            String password = System.getenv("PGPASSWORD");
            url = password == null ? LOCAL_URL
                    : "postgresql://postgres:" + java.net.URLEncoder.encode(password, java.nio.charset.StandardCharsets.UTF_8)
                    + "@localhost:5432/postgres";
            try (Database probe = Database.open(url)) {
                probe.ping();
            } catch (RuntimeException e) {
                url = null;
                problem = "localhost:5432 answers but login as postgres failed (" + e.getMessage() + ")";
            }
            return;
        }
        problem = ENV_URL + " is not set, no Docker engine answers, and nothing listens on localhost:5432";
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

    /** Appends a query parameter to a PostgreSQL URL. */
    static String withParameter(String base, String name, String value) {
        return base + (base.contains("?") ? "&" : "?") + name + "=" + value;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
