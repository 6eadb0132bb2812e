package io.dataport.postgres;

import io.dataport.ConfigurationException;
import io.dataport.ConnectionException;
import io.dataport.DatabaseConfig;
import io.dataport.ReplicaMetrics;
import io.dataport.TransactionIsolation;
import io.dataport.hikari.ServerPool;
import io.dataport.hikari.ServerPool.ConnectFailure;
import io.dataport.spi.Access;
import io.dataport.spi.Connector;
import io.dataport.spi.Dialect;
import io.dataport.spi.ErrorKind;
import io.dataport.spi.PoolState;
import org.postgresql.util.PSQLException;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The PostgreSQL connections of one Database: a HikariCP pool with auto-commit on, timeouts that pgjdbc leaves
 * infinite set to finite defaults, the session time zone at UTC whatever the JVM's, and server error details
 * (which may hold row values) kept out of messages. While the pool holds no connection (the server is down or
 * unreachable), a caller waits about the connect timeout, not the pool's whole connection timeout.
 *
 * <p>The query timeout is the SPI's default, JDBC's {@code setQueryTimeout} on each statement as it executes:
 * pgjdbc cancels a statement still running at the deadline (a cancel request), the server reports SQLSTATE
 * 57014, a {@link ErrorKind#TIMEOUT}, and the connection stays usable. It counts whole seconds, rounded up:
 * pgjdbc's millisecond setter ({@code PgStatement.setQueryTimeoutMs}) is not part of its public
 * {@code PGStatement} API.
 */
final class PostgresConnector implements Connector {
    private static final String HIDDEN = "(value hidden; Database.Builder.showParameterValues(true) shows it)";
    private static final Pattern QUOTED_VALUE_AT_END = Pattern.compile(": \".*\"$", Pattern.MULTILINE);
    private static final Pattern OUT_OF_RANGE_VALUE = Pattern.compile("value \".*\" is out of range");
    private static final Dialect DIALECT = PostgresDialect.INSTANCE;
    static final int DEFAULT_POOL_SIZE = 10;
    /** Server-side conversions (timestamp and timestamptz, casts to date, CURRENT_DATE) in UTC, as on SQLite. */
    static final String SESSION_TIME_ZONE = "SET TIME ZONE 'UTC'";

    private final DatabaseConfig config;
    private final ServerPool pool;
    private final PostgresUrl url;
    private final Map<String, String> probeProperties;
    /** The read replicas, or null for none. */
    private final PostgresReplicas replicas;

    PostgresConnector(PostgresUrl url, DatabaseConfig config) {
        this.config = config;
        this.url = url;
        this.probeProperties = driverProperties(url, config);
        // pgjdbc sends the JVM's default zone as the TimeZone startup parameter, and that wins over an
        // options=-c TimeZone=... setting; so the zone is set once per physical connection, after login. The
        // pool's resets (auto-commit, read-only, isolation, schema) leave it alone.
        String setup = SESSION_TIME_ZONE + (config.readOnly() ? "; SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY"
                : "");
        this.pool = ServerPool.start("PostgreSQL", config, DEFAULT_POOL_SIZE, url.jdbcUrl, url.user, url.password,
                probeProperties, setup, this::connectDirectly);
        this.replicas = config.replicas().isEmpty() ? null
                : new PostgresReplicas(config, url, this::connectDirectly, setup,
                replica -> () -> connectDirectly(replica));
    }

    /** pgjdbc properties: Dataport's defaults, then whatever the URL and the builder set. */
    private static Map<String, String> driverProperties(PostgresUrl url, DatabaseConfig config) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("connectTimeout", Integer.toString(url.connectTimeoutSeconds));
        props.put("loginTimeout", Integer.toString(url.loginTimeoutSeconds));
        props.put("socketTimeout", "300");
        props.put("tcpKeepAlive", "true");
        props.put("ApplicationName", "dataport");
        props.put("reWriteBatchedInserts", "true");
        props.put("logServerErrorDetail", Boolean.toString(config.showParameterValues()));
        props.putAll(url.properties);
        return props;
    }

    /**
     * Opens one connection at start to fail fast on what the application must fix (wrong password, unknown
     * database or host, silent network). A server that refuses connections (down, starting) is not an error
     * here: the pool connects when it is up.
     */
    @Override
    public void verify() throws SQLException {
        if (replicas != null) {
            replicas.checkAll();
        }
        try {
            pool.probe();
        } catch (ConnectFailure e) {
            String state = e.getSQLState();
            Throwable reason = e.getCause().getCause();
            if ("08001".equals(state) && reason instanceof java.net.ConnectException || "57P03".equals(state)) {
                return;
            }
            if ("3D000".equals(state) && config.createDatabase() && !url.database.isEmpty()) {
                createDatabase();
                pool.probe();
                return;
            }
            throw e;
        }
    }

    /**
     * {@code CREATE DATABASE}, UTF-8 (from {@code template0}, so whatever {@code template1} holds), owned by the
     * URL's user, from the maintenance database {@code postgres}; one created meanwhile by another process is fine.
     */
    private void createDatabase() throws SQLException {
        String maintenance = url.jdbcUrl.substring(0, url.jdbcUrl.lastIndexOf('/') + 1) + "postgres";
        try (Connection c = connectDirectly(maintenance); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + quote(url.database) + " ENCODING 'UTF8' TEMPLATE template0");
        } catch (SQLException e) {
            if ("42P04".equals(e.getSQLState())) {
                return;
            }
            if ("42501".equals(e.getSQLState())) {
                String user = url.user != null ? url.user : System.getProperty("user.name");
                throw new io.dataport.ConnectionException("Cannot create database '" + url.database + "': user '"
                        + user + "' has no right to create databases (CREATEDB). Have an administrator run CREATE "
                        + "DATABASE " + quote(url.database) + " OWNER " + quote(user) + ", or ALTER ROLE "
                        + quote(user) + " CREATEDB; or log in as a user that may.", e);
            }
            throw e;
        }
    }

    /** A connection of its own, outside the pool, with the pool's settings: bounded by the connect timeout. */
    private Connection connectDirectly() throws SQLException {
        return connectDirectly(url.jdbcUrl);
    }

    private Connection connectDirectly(String jdbcUrl) throws SQLException {
        return connectDirectly(jdbcUrl, url.user, url.password, probeProperties);
    }

    /** A connection of its own to a replica, with its settings: for the replica checks. */
    private Connection connectDirectly(PostgresUrl replica) throws SQLException {
        Map<String, String> properties = new LinkedHashMap<>(probeProperties);
        properties.remove("targetServerType");
        properties.putAll(replica.properties);
        return connectDirectly(replica.jdbcUrl, replica.user, replica.password, properties);
    }

    private Connection connectDirectly(String jdbcUrl, String user, String password, Map<String, String> properties)
            throws SQLException {
        Properties info = new Properties();
        info.putAll(properties);
        if (user != null) {
            info.setProperty("user", user);
        }
        if (password != null) {
            info.setProperty("password", password);
        }
        Connection c = new org.postgresql.Driver().connect(jdbcUrl, info);
        if (c == null) {
            throw new ConfigurationException("pgjdbc does not accept URL '" + config.maskedUrl() + "'.");
        }
        return c;
    }

    /** The HikariCP pool, for its own metrics trackers ({@code dataport-micrometer}). */
    @Override
    public <T> T unwrap(Class<T> type) {
        return pool.unwrap(type);
    }

    @Override
    public PoolState poolState() {
        return pool.state();
    }

    /**
     * A connection from the pool; while the pool holds none, the server is asked at once ({@link ServerPool}).
     * Read-only work goes to a replica that may serve it, when there is one ({@link PostgresReplicas}).
     */
    @Override
    public Connection acquire(Access access) throws SQLException {
        if (replicas != null && access == Access.READ_ONLY) {
            Connection replica = replicas.acquire();
            if (replica != null) {
                return replica;
            }
        }
        return pool.acquire();
    }

    @Override
    public void release(Connection connection) throws SQLException {
        connection.close();
    }

    /**
     * pgjdbc sends {@code BEGIN} with the transaction's first statement. A read-only transaction reads one
     * snapshot ({@code REPEATABLE READ READ ONLY}: it never waits and never fails to serialize); a read-write one
     * at another level than the session's default sets it for this transaction alone.
     *
     * <p>PostgreSQL lets a {@code READ ONLY} transaction write temporary tables; a SQLite reader has none to
     * write. So a read-only transaction starts by dropping the connection's temporary tables
     * ({@code DISCARD TEMP}, in the same round trip), and, since core ends every read-only transaction with a
     * rollback, they are back afterwards: inside it they do not exist, as on SQLite.
     */
    @Override
    public void begin(Connection connection, boolean readOnly, TransactionIsolation isolation) throws SQLException {
        connection.setAutoCommit(false);
        String sql = readOnly ? "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY; DISCARD TEMP"
                : isolation == config.isolation() ? null
                : "SET TRANSACTION ISOLATION LEVEL " + isolation.name().replace('_', ' ');
        if (sql != null) {
            try (Statement s = connection.createStatement()) {
                s.execute(sql);
            }
        }
    }

    /** With replicas, the thread's reads see the commit from now on (read-your-writes). */
    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
        connection.setAutoCommit(true);
        if (replicas != null) {
            replicas.committed();
        }
    }

    @Override
    public List<ReplicaMetrics> replicas() {
        return replicas == null ? List.of() : replicas.metrics();
    }

    @Override
    public long readsOnPrimary() {
        return replicas == null ? 0 : replicas.primaryReads();
    }

    /** The primary's WAL position, asked on a connection of its own; null without replicas or a write. */
    @Override
    public String lastWriteToken() {
        if (replicas == null) {
            return null;
        }
        try {
            return replicas.lastWriteToken();
        } catch (SQLException e) {
            throw new ConnectionException("Cannot make a read-after token: the primary did not say its WAL position ("
                    + e.getMessage() + "). Check that it is up; reads after this write go to the primary meanwhile.",
                    e);
        }
    }

    @Override
    public void readAfter(String token) {
        if (replicas != null) {
            replicas.readAfter(token);
        }
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        connection.rollback();
        connection.setAutoCommit(true);
    }

    /**
     * PostgreSQL's SQLSTATEs (Appendix A of its manual), then the standard classes. While connecting, no rights on
     * the database (42501) and a password the server asks for but was not given (pgjdbc's 08004) are login
     * problems too.
     */
    @Override
    public ErrorKind classify(SQLException e) {
        String sqlState = e.getSQLState();
        if (e instanceof ConnectFailure && ("42501".equals(sqlState) || "08004".equals(sqlState) && noPassword())) {
            return ErrorKind.AUTHENTICATION;
        }
        ErrorKind kind = classify(sqlState);
        if (kind == ErrorKind.OTHER && !(e instanceof PSQLException)) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("is closed") || message.contains("has been closed")) {
                return ErrorKind.CONNECTION;
            }
        }
        return kind;
    }

    /** What the server refused at login, naming the user and the database, and what to do about it. */
    @Override
    public String loginAdvice(SQLException e) {
        String user = url.user != null ? url.user : System.getProperty("user.name");
        String database = url.database.isEmpty() ? user : url.database;
        String who = "user '" + user + "' (database '" + database + "')";
        switch (String.valueOf(e.getSQLState())) {
            case "08004":
                return "No password was given for " + who + ", and the server asks for one. Put it in the URL "
                        + "(postgresql://" + user + ":PASSWORD@host/" + database + ") or pass it to "
                        + "Database.Builder.password(...).";
            case "28P01":
                return "The server refused the password of " + who + ": the password is wrong, or the server has no "
                        + "user '" + user + "'. Check both, in the URL or with Database.Builder.user(...) and "
                        + "password(...).";
            case "28000":
                return "The server refused " + who + ": it has no such user, the user may not log in, or its "
                        + "pg_hba.conf admits no such login from this host. Check the user name in the URL, or have "
                        + "an administrator allow the login.";
            case "42501":
                return "User '" + user + "' has no right to connect to database '" + database + "' (CONNECT "
                        + "privilege). Have the database's owner run GRANT CONNECT ON DATABASE " + quote(database)
                        + " TO " + quote(user) + ", or log in as a user that has it.";
            case "3D000":
                return "Database '" + database + "' does not exist on the server (user '" + user + "'). Fix the "
                        + "database name in the URL, or create it (CREATE DATABASE " + quote(database) + ").";
            default:
                return null;
        }
    }

    private boolean noPassword() {
        return url.password == null || url.password.isEmpty();
    }

    private static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    @Override
    public void close() {
        if (replicas != null) {
            replicas.close();
        }
        pool.close();
    }

    /**
     * PostgreSQL quotes the input in some messages: {@code invalid input syntax for type integer: "..."} (any
     * {@code : "..."} ending a line: input syntax, enum labels, date/time fields, parameter values) and
     * {@code value "..." is out of range for type ...}. Names it quotes mid-line ({@code relation "users"},
     * {@code constraint "users_email_key"}) stay; its DETAIL lines, which quote rows and keys, are already
     * left out unless showParameterValues is on ({@code logServerErrorDetail}).
     */
    @Override
    public SQLException withoutValues(SQLException e) {
        String message = e.getMessage();
        if (message == null || message.indexOf('"') < 0) {
            return e;
        }
        String hidden = QUOTED_VALUE_AT_END.matcher(message).replaceAll(": " + HIDDEN);
        hidden = OUT_OF_RANGE_VALUE.matcher(hidden).replaceAll("value " + HIDDEN + " is out of range");
        if (hidden.equals(message)) {
            return e;
        }
        SQLException copy = new SQLException(hidden, e.getSQLState(), e.getErrorCode(), e.getCause());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    static ErrorKind classify(String state) {
        if (state == null) {
            return ErrorKind.OTHER;
        }
        switch (state) {
            case "23505":
                return ErrorKind.DUPLICATE_KEY;
            case "25006":
                return ErrorKind.READ_ONLY;
            case "40001":
            case "40P01":
            case "55P03":
                return ErrorKind.CONFLICT;
            case "25P02":
                return ErrorKind.TRANSACTION_ABORTED;
            case "57014":
                return ErrorKind.TIMEOUT;
            case "57P01":
            case "57P02":
            case "57P03":
            case "25P03":
            case "57P05":
                // Shutdown, crash, starting; idle_in_transaction_session_timeout, idle_session_timeout: the
                // server closed the connection.
                return ErrorKind.CONNECTION;
            case "28000":
            case "28P01":
            case "3D000":
                return ErrorKind.AUTHENTICATION;
            default:
                return ErrorKind.ofStandardSqlState(state);
        }
    }
}
