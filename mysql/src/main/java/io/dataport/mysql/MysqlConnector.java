package io.dataport.mysql;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseConfig;
import io.dataport.TransactionIsolation;
import io.dataport.hikari.ServerPool;
import io.dataport.hikari.ServerPool.ConnectFailure;
import io.dataport.spi.Access;
import io.dataport.spi.Connector;
import io.dataport.spi.Dialect;
import io.dataport.spi.ErrorKind;
import io.dataport.spi.PoolState;
import io.dataport.spi.ValueCodec;

import java.net.ConnectException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The MySQL and MariaDB connections of one Database: a HikariCP pool of MariaDB Connector/J connections with
 * auto-commit on, each set up once after login the way Dataport's SQL and values need it ({@link #SESSION_SETUP}:
 * ANSI quotes, strict mode, UTC), text in {@code utf8mb4} with a binary no-pad collation, finite timeouts, and
 * the server's quoted values kept out of messages. While the pool holds no connection (the server is down or
 * unreachable), a caller waits about the connect timeout, not the pool's whole connection timeout.
 *
 * <p>The query timeout is the SPI's default, JDBC's {@code setQueryTimeout}: Connector/J runs the statement
 * under {@code SET STATEMENT max_statement_time=... FOR}, the server stops it at the deadline with error 1969,
 * a {@link ErrorKind#TIMEOUT}, and the connection stays usable.
 */
final class MysqlConnector implements Connector {
    /** Oldest server with {@code INSERT ... RETURNING}, which generated ids need. */
    static final int MIN_MARIADB_MAJOR = 10;
    static final int MIN_MARIADB_MINOR = 5;
    static final int DEFAULT_POOL_SIZE = 10;
    /**
     * Once per physical connection: double-quoted identifiers ({@code ANSI_QUOTES}) and {@code ||} as string
     * concatenation ({@code PIPES_AS_CONCAT}), as standard SQL and the other backends have them; errors instead
     * of silently cut or zeroed values (strict mode, no zero dates, division by zero an error); an explicit id 0
     * stored as 0 ({@code NO_AUTO_VALUE_ON_ZERO}); the session time zone at UTC whatever the server's; and no cap
     * on recursive queries' iterations (MariaDB stops at 1000 by default and returns the rows so far, a silently
     * short result; the query timeout bounds a runaway instead).
     */
    static final String SESSION_SETUP = "SET SESSION sql_mode = 'ANSI_QUOTES,PIPES_AS_CONCAT,STRICT_ALL_TABLES,"
            + "NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,NO_AUTO_VALUE_ON_ZERO', "
            + "time_zone = '+00:00', max_recursive_iterations = 4294967295";
    private static final String HIDDEN = "(value hidden; Database.Builder.showParameterValues(true) shows it)";
    /** {@code Duplicate entry 'a@b' for key}, {@code Incorrect integer value: 'x' for column}, {@code value: 'x'}. */
    private static final Pattern QUOTED_VALUE = Pattern.compile("(entry|value:?) '(?:[^']|'')*'");

    private final DatabaseConfig config;
    private final MysqlUrl url;
    private final Map<String, String> properties;
    private final ServerPool pool;

    MysqlConnector(MysqlUrl url, DatabaseConfig config) {
        this.config = config;
        this.url = url;
        this.properties = driverProperties(url, config);
        this.pool = ServerPool.start("MySQL", config, DEFAULT_POOL_SIZE, url.jdbcUrl, url.user, url.password,
                properties, SESSION_SETUP + (config.readOnly() ? ", tx_read_only = 1" : ""), this::connectDirectly);
    }

    /** Connector/J properties: Dataport's defaults, then whatever the URL and the builder set. */
    private static Map<String, String> driverProperties(MysqlUrl url, DatabaseConfig config) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("connectTimeout", Integer.toString(url.connectTimeoutMillis));
        props.put("socketTimeout", "300000");
        props.put("tcpKeepAlive", "true");
        // Server-side prepared statements, kept per connection by the driver across the pool's check-outs;
        // batches of inserts go as one bulk command.
        props.put("useServerPrepStmts", "true");
        props.put("cachePrepStmts", "true");
        props.put("prepStmtCacheSize", "250");
        props.put("useBulkStmtsForInserts", "true");
        // Text by code point, as SQLite's BINARY and PostgreSQL's "C" collation compare it; no trailing-space
        // padding, so 'a' and 'a ' are two values.
        props.put("connectionCollation", MysqlDialect.COLLATION);
        props.put("allowLocalInfile", "false");
        props.put("connectionAttributes", "program_name:dataport");
        props.putAll(url.properties);
        return props;
    }

    /**
     * Opens one connection at start to fail fast on what the application must fix (wrong password, unknown
     * database or host, a server too old or not MariaDB). A server that refuses connections (down, starting)
     * is not an error here: the pool connects when it is up.
     */
    @Override
    public void verify() throws SQLException {
        try (Connection c = connectDirectly()) {
            checkServer(c.getMetaData());
        } catch (SQLException e) {
            if (refused(e)) {
                return;
            }
            // A user without rights on a database that does not exist is told 1044, not 1049 (MySQL does not
            // say which databases exist): creating it says whether the user may.
            if ((e.getErrorCode() == 1049 || e.getErrorCode() == 1044) && config.createDatabase()) {
                createDatabase();
                try (Connection c = connectDirectly()) {
                    checkServer(c.getMetaData());
                } catch (SQLException again) {
                    throw new ConnectFailure(again);
                }
                return;
            }
            throw new ConnectFailure(e);
        }
    }

    /**
     * {@code CREATE DATABASE IF NOT EXISTS}, {@code utf8mb4} in Dataport's collation, on a connection to the server
     * without a database.
     */
    private void createDatabase() throws SQLException {
        String server = url.jdbcUrl.substring(0, url.jdbcUrl.lastIndexOf('/') + 1);
        try (Connection c = connectDirectly(server); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE IF NOT EXISTS " + quote(url.database) + " CHARACTER SET utf8mb4 COLLATE "
                    + MysqlDialect.COLLATION);
        } catch (SQLException e) {
            if (e.getErrorCode() == 1044 || e.getErrorCode() == 1045) {
                String user = url.user != null ? url.user : System.getProperty("user.name");
                throw new io.dataport.ConnectionException("Cannot create database '" + url.database + "': user '"
                        + user + "' has no right to create databases (the CREATE privilege). Have an administrator "
                        + "run CREATE DATABASE " + quote(url.database) + " CHARACTER SET utf8mb4 and GRANT ALL ON "
                        + quote(url.database) + ".* TO '" + user + "', or log in as a user that may.", e);
            }
            throw new ConnectFailure(e);
        }
    }

    /** A name in backquotes (the server's own quoting, whatever the session's sql_mode). */
    private static String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    /**
     * Dataport's generated ids need {@code INSERT ... RETURNING}: MariaDB 10.5 and later have it, MySQL (up to
     * 9) does not.
     */
    private void checkServer(DatabaseMetaData meta) throws SQLException {
        String product = meta.getDatabaseProductName();
        String version = meta.getDatabaseProductVersion();
        int major = meta.getDatabaseMajorVersion();
        int minor = meta.getDatabaseMinorVersion();
        boolean mariadb = String.valueOf(product).toLowerCase(java.util.Locale.ROOT).contains("mariadb")
                || String.valueOf(version).toLowerCase(java.util.Locale.ROOT).contains("mariadb");
        if (!mariadb || major < MIN_MARIADB_MAJOR || major == MIN_MARIADB_MAJOR && minor < MIN_MARIADB_MINOR) {
            throw new ConfigurationException("The server at '" + config.maskedUrl() + "' is " + product + " "
                    + version + ": dataport-mysql needs MariaDB " + MIN_MARIADB_MAJOR + "." + MIN_MARIADB_MINOR
                    + " or later, whose INSERT ... RETURNING gives generated ids back in one statement (MySQL has "
                    + "none yet). Use MariaDB 10.5+ (10.11 LTS recommended).");
        }
    }

    private static boolean refused(SQLException e) {
        for (Throwable t = e; t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }

    /** A connection of its own, outside the pool, with the pool's settings: bounded by the connect timeout. */
    private Connection connectDirectly() throws SQLException {
        return connectDirectly(url.jdbcUrl);
    }

    private Connection connectDirectly(String jdbcUrl) throws SQLException {
        Properties info = new Properties();
        info.putAll(properties);
        if (url.user != null) {
            info.setProperty("user", url.user);
        }
        if (url.password != null) {
            info.setProperty("password", url.password);
        }
        Connection c = new org.mariadb.jdbc.Driver().connect(jdbcUrl, info);
        if (c == null) {
            throw new ConfigurationException("MariaDB Connector/J does not accept URL '" + config.maskedUrl() + "'.");
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

    /** A connection from the pool; while the pool holds none, the server is asked at once ({@link ServerPool}). */
    @Override
    public Connection acquire(Access access) throws SQLException {
        return pool.acquire();
    }

    @Override
    public void release(Connection connection) throws SQLException {
        connection.close();
    }

    /**
     * Auto-commit off, so that the transaction starts with its first statement. A read-only transaction reads one
     * snapshot ({@code REPEATABLE READ} and {@code READ ONLY}: InnoDB's consistent read, which takes no locks and
     * never waits) and the server refuses its writes, the creation of temporary tables included (error 1792). A
     * transaction at another level than the database's default sets it on the connection ({@code SET SESSION},
     * which the driver then reports), and {@link #commit} or {@link #rollback} sets the default back.
     */
    @Override
    public void begin(Connection connection, boolean readOnly, TransactionIsolation isolation) throws SQLException {
        connection.setAutoCommit(false);
        TransactionIsolation level = readOnly ? TransactionIsolation.REPEATABLE_READ : isolation;
        if (level != config.isolation()) {
            connection.setTransactionIsolation(level.jdbcLevel());
        }
        if (readOnly) {
            // Started here, not left to the first statement: SET TRANSACTION READ ONLY would stay pending for the
            // connection's next transaction if this one ran no statement.
            try (Statement s = connection.createStatement()) {
                s.execute("START TRANSACTION READ ONLY");
            }
        }
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        connection.commit();
        end(connection);
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        if (connection.isClosed()) {
            return;
        }
        connection.rollback();
        end(connection);
    }

    /** Auto-commit on again, and the default level (the driver tracks the session's level: no round trip to ask). */
    private void end(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        int level = config.isolation().jdbcLevel();
        if (connection.getTransactionIsolation() != level) {
            connection.setTransactionIsolation(level);
        }
    }

    /** MySQL's and MariaDB's error numbers first (their server error reference), then the SQLSTATE's class. */
    @Override
    public ErrorKind classify(SQLException e) {
        ErrorKind kind = classify(e.getErrorCode(), e instanceof ConnectFailure);
        if (kind != null) {
            return kind;
        }
        kind = ErrorKind.ofStandardSqlState(e.getSQLState());
        if (kind == ErrorKind.OTHER) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("is closed") || message.contains("Connection reset")) {
                return ErrorKind.CONNECTION;
            }
        }
        return kind;
    }

    static ErrorKind classify(int code, boolean connecting) {
        switch (code) {
            case 1062: // ER_DUP_ENTRY
            case 1586: // ER_DUP_ENTRY_WITH_KEY_NAME
            case 1022: // ER_DUP_KEY
                return ErrorKind.DUPLICATE_KEY;
            case 1048: // ER_BAD_NULL_ERROR
            case 1451: // ER_ROW_IS_REFERENCED_2
            case 1452: // ER_NO_REFERENCED_ROW_2
            case 1216: // ER_NO_REFERENCED_ROW
            case 1217: // ER_ROW_IS_REFERENCED
            case 4025: // ER_CONSTRAINT_FAILED (MariaDB's CHECK)
            case 3819: // ER_CHECK_CONSTRAINT_VIOLATED (MySQL's CHECK)
            case 1364: // ER_NO_DEFAULT_FOR_FIELD: a NOT NULL column left out
            case 1834: // ER_FK_CANNOT_DELETE_PARENT: MariaDB's report of duplicates found while it builds a unique
                       // index on unbounded text of a table that other tables reference
                return ErrorKind.CONSTRAINT_VIOLATION;
            case 1792: // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
            case 1290: // ER_OPTION_PREVENTS_STATEMENT (--read-only)
                return ErrorKind.READ_ONLY;
            case 1213: // ER_LOCK_DEADLOCK
            case 1205: // ER_LOCK_WAIT_TIMEOUT
                return ErrorKind.CONFLICT;
            case 1969: // ER_STATEMENT_TIMEOUT (max_statement_time)
            case 3024: // ER_QUERY_TIMEOUT (MySQL's max_execution_time)
            case 1317: // ER_QUERY_INTERRUPTED (KILL QUERY)
                return ErrorKind.TIMEOUT;
            case 1053: // ER_SERVER_SHUTDOWN
            case 1927: // ER_CONNECTION_KILLED
            case 1040: // ER_CON_COUNT_ERROR
            case 2006: // CR_SERVER_GONE_ERROR
            case 2013: // CR_SERVER_LOST
                return ErrorKind.CONNECTION;
            case 1045: // ER_ACCESS_DENIED_ERROR
            case 1049: // ER_BAD_DB_ERROR
            case 1698: // ER_ACCESS_DENIED_NO_PASSWORD_ERROR
                return ErrorKind.AUTHENTICATION;
            case 1044: // ER_DBACCESS_DENIED_ERROR: at login, no right on the database
                return connecting ? ErrorKind.AUTHENTICATION : null;
            default:
                return null;
        }
    }

    /** What the server refused at login, naming the user and the database, and what to do about it. */
    @Override
    public String loginAdvice(SQLException e) {
        String user = url.user != null ? url.user : System.getProperty("user.name");
        String who = "user '" + user + "' (database '" + url.database + "')";
        switch (e.getErrorCode()) {
            case 1045:
            case 1698:
                return "The server refused " + who + ": the password is wrong or missing, or the server has no "
                        + "such user for this host. Check both, in the URL (mysql://" + user + ":PASSWORD@host/"
                        + url.database + ") or with Database.Builder.user(...) and password(...).";
            case 1044:
                return "User '" + user + "' has no right on database '" + url.database + "'. Have an administrator "
                        + "run GRANT ALL ON `" + url.database + "`.* TO '" + user + "'@'%', or log in as a user "
                        + "that has it.";
            case 1049:
                return "Database '" + url.database + "' does not exist on the server (user '" + user + "'). Fix the "
                        + "database name in the URL, or create it (CREATE DATABASE `" + url.database
                        + "` CHARACTER SET utf8mb4).";
            default:
                return null;
        }
    }

    /**
     * MySQL quotes the input in some messages: {@code Duplicate entry 'a@b.c' for key 'email'},
     * {@code Incorrect integer value: 'x' for column}. Names (keys, columns) stay.
     */
    @Override
    public SQLException withoutValues(SQLException e) {
        String message = e.getMessage();
        if (message == null || message.indexOf('\'') < 0) {
            return e;
        }
        String hidden = QUOTED_VALUE.matcher(message).replaceAll("$1 " + HIDDEN.replace("$", "\\$"));
        if (hidden.equals(message)) {
            return e;
        }
        SQLException copy = new SQLException(hidden, e.getSQLState(), e.getErrorCode(), e.getCause());
        copy.setStackTrace(e.getStackTrace());
        return copy;
    }

    @Override
    public Dialect dialect() {
        return MysqlDialect.INSTANCE;
    }

    @Override
    public ValueCodec codec() {
        return MysqlCodec.INSTANCE;
    }

    @Override
    public void close() {
        pool.close();
    }
}
