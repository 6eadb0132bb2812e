package io.dataport.test;

import io.dataport.Database;
import io.dataport.test.internal.ServerKind;
import io.dataport.test.internal.TestServers;
import org.junit.jupiter.api.Assumptions;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A new, empty database of one backend, for tests: a temporary SQLite file, a new schema on the PostgreSQL test
 * server, a new database on the MySQL/MariaDB one; {@link #close()} drops it (and the JVM's exit drops what was
 * left open). {@link DataportTest} makes one per run; use this class directly where the annotation does not fit.
 * Set a server's variable to {@code off} ({@code DATAPORT_TEST_MYSQL_URL=off}) to skip its tests on a machine
 * without one (under {@code CI=true} they fail instead).
 *
 * <pre>{@code
 * try (TestDatabase scratch = TestDatabase.create("postgres"); Database db = scratch.open()) {
 *     db.schema().create(User.class);
 * }
 * }</pre>
 *
 * <p>The servers are found in this order, once per JVM: the URL in an environment variable
 * ({@code DATAPORT_TEST_POSTGRES_URL=postgresql://user:password@host:5432/db},
 * {@code DATAPORT_TEST_MYSQL_URL=mysql://user:password@host:3306/db}); a Testcontainers container
 * ({@code postgres:15-alpine}, {@code mariadb:10.11}) when a Docker engine answers and
 * {@code testcontainers-postgresql} or {@code testcontainers-mariadb} is on the test class path (set
 * {@code DATAPORT_TEST_DOCKER=false} to skip that step); a server on localhost ({@code postgres@localhost:5432}
 * with {@code PGPASSWORD}, database {@code postgres}; {@code root@localhost:3306} with {@code MYSQL_PWD},
 * database {@code test}). The server's user needs the right to create schemas (PostgreSQL) or databases (MySQL).
 */
public final class TestDatabase implements AutoCloseable {
    private final String backend;
    private final String name;
    private final String url;
    private final Runnable drop;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestDatabase(String backend, String name, String url, Runnable drop) {
        this.backend = backend;
        this.name = name;
        this.url = url;
        this.drop = drop;
    }

    /**
     * Makes a new, empty database of a backend for the running test. When no server of the backend is found, the
     * test is aborted (reported as skipped) with a message that says how to provide one, or, under
     * {@code CI=true}, fails with it.
     *
     * @param backend the backend's name: {@code "sqlite"}, {@code "postgres"} or {@code "mysql"}
     * @return the database, to be closed (dropped) after use
     * @throws IllegalArgumentException for a backend Dataport's tests do not know, or one not on the class path
     */
    public static TestDatabase create(String backend) {
        return create(backend, false);
    }

    /**
     * Makes a new, empty database of a backend for the running test, as {@link #create(String)} does; a
     * {@code required} backend fails the test instead of skipping it when no server is found.
     *
     * <pre>{@code
     * @BeforeEach
     * void scratch() { database = TestDatabase.create("postgres", true); }
     * }</pre>
     *
     * @param backend  the backend's name
     * @param required whether the test must fail rather than be skipped when no server is found
     * @return the database, to be closed (dropped) after use
     */
    public static TestDatabase create(String backend, boolean required) {
        ServerKind kind = ServerKind.of(backend);
        ServerKind.Created created = kind.create(server(kind, required));
        TestDatabase database = new TestDatabase(kind.backend(), created.name(), created.url(), created.drop());
        TestServers.dropAtExit(database::close);
        return database;
    }

    /**
     * The URL of the server a backend's test databases are made on (its own database, not a new one), for
     * administration; {@code sqlite:} for SQLite, which has no server. A missing server aborts or fails the running
     * test as in {@link #create(String)}.
     *
     * @param backend the backend's name
     * @return the server's URL
     */
    public static String serverUrl(String backend) {
        return server(ServerKind.of(backend), false);
    }

    /** The server's URL, or the skip (or, required or under CI, the failure) of the running test. */
    private static String server(ServerKind kind, boolean required) {
        String problem = TestServers.problem(kind);
        if (problem == null) {
            return TestServers.require(kind);
        }
        boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
        if (ci || required) {
            throw new IllegalStateException(problem + " (" + (required ? "required" : "CI=true") + ": the "
                    + kind.backend() + " tests must run, not be skipped.)");
        }
        Assumptions.abort(problem);
        throw new AssertionError("unreachable");
    }

    /**
     * The backend's name, as {@link Database#backend()} reports it.
     *
     * @return the name
     */
    public String backend() {
        return backend;
    }

    /**
     * The database's own name: the SQLite file's path, the PostgreSQL schema, the MySQL database.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The URL that opens this database.
     *
     * @return the URL
     */
    public String url() {
        return url;
    }

    /**
     * A builder for this database, for settings of the test's own.
     *
     * @return the builder
     */
    public Database.Builder builder() {
        return Database.builder(url);
    }

    /**
     * Opens this database with default settings.
     *
     * @return the open database, for the caller to close
     */
    public Database open() {
        return builder().open();
    }

    /** Drops the database: the file, schema or database and everything in it. Repeated calls do nothing. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            drop.run();
        }
    }

    @Override
    public String toString() {
        return backend + " " + name;
    }
}
