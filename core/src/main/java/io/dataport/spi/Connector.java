package io.dataport.spi;

import io.dataport.ReplicaMetrics;
import io.dataport.TransactionIsolation;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * The running backend of one open {@link io.dataport.Database}: it hands out connections, begins and ends
 * transactions in its dialect, and says what a driver error means. Thread-safe; closed with the database.
 *
 * <p>Core calls {@link #acquire} and {@link #release} in pairs on one thread; between them the connection
 * belongs to one {@link io.dataport.Session}. When the database is closed, core reports every failure of work
 * still running as the closed database's error, so a connector need not word that error itself.
 */
public interface Connector extends AutoCloseable {

    /**
     * Borrows a connection for the given access, waiting at most the configured connection timeout.
     *
     * @param access whether the work may write or only reads
     * @return the connection, to be given back with {@link #release}
     * @throws SQLException when the driver fails
     * @throws io.dataport.ConnectionException when none could be had in time (the message says why)
     */
    Connection acquire(Access access) throws SQLException;

    /**
     * Checks, once when the database opens, what the application must fix before any work can run (a wrong
     * password, an unknown database or host); core reports a failure like any driver error. A server that is
     * merely down is not an error here: work fails until it is up. The default checks nothing.
     *
     * @throws SQLException when the check fails
     */
    default void verify() throws SQLException {
    }

    /**
     * Gives a connection back; it must not be in a transaction.
     *
     * @param connection a connection from {@link #acquire}
     * @throws SQLException when the driver fails
     */
    void release(Connection connection) throws SQLException;

    /**
     * Starts a transaction: on SQLite a write transaction is {@code BEGIN IMMEDIATE}. A read-write transaction
     * runs at exactly {@code isolation} where the backend has that level, else at the next stricter one it has
     * (SQLite: serializable, always). A read-only transaction reads one consistent snapshot and refuses every
     * write, temporary tables included.
     *
     * @param connection the session's connection
     * @param readOnly   whether the transaction only reads
     * @param isolation  the level of a read-write transaction (the database's default when it asked for none)
     * @throws SQLException when the driver fails
     */
    void begin(Connection connection, boolean readOnly, TransactionIsolation isolation) throws SQLException;

    /**
     * Commits the transaction begun by {@link #begin}.
     *
     * @param connection the session's connection
     * @throws SQLException when the driver fails
     */
    void commit(Connection connection) throws SQLException;

    /**
     * Rolls back the transaction begun by {@link #begin}; a no-op when the database already ended it.
     *
     * @param connection the session's connection
     * @throws SQLException when the driver fails
     */
    void rollback(Connection connection) throws SQLException;

    /**
     * What a driver error means: the backend's own codes (SQLSTATEs, vendor codes) first, then, by default, the
     * class of the standard SQLSTATE ({@link ErrorKind#ofStandardSqlState}).
     *
     * @param e the driver's exception
     * @return what it means
     */
    default ErrorKind classify(SQLException e) {
        return ErrorKind.ofStandardSqlState(e.getSQLState());
    }

    /**
     * Starts the database's query timeout ({@link io.dataport.DatabaseConfig#queryTimeout()}) on a statement
     * about to execute: once it has run for {@code timeout}, the backend stops it, so that it fails with an
     * error {@link #classify} calls {@link ErrorKind#TIMEOUT}, and the connection stays usable. Core calls this
     * right before every execution of a statement, its own and the application's, when a timeout is set, and
     * closes what it returns once the execution is over.
     *
     * <p>The default is JDBC's {@link Statement#setQueryTimeout}, in whole seconds rounded up, which the driver
     * enforces on the execution by itself. A backend whose driver does not stop a running statement that way
     * (sqlite-jdbc only feeds it to the busy timeout) overrides this.
     *
     * @param connection the session's connection
     * @param statement  the statement about to execute
     * @param timeout    the longest it may run, more than zero
     * @return the running timeout, for core to close
     * @throws SQLException when the driver fails
     */
    default StatementTimeout startTimeout(Connection connection, Statement statement, Duration timeout)
            throws SQLException {
        long seconds = timeout.getSeconds() + (timeout.getNano() > 0 ? 1 : 0);
        statement.setQueryTimeout((int) Math.min(seconds, Integer.MAX_VALUE));
        return StatementTimeout.NONE;
    }

    /**
     * Watches a statement about to execute in an async task, so that cancelling the task's future stops it
     * from the cancelling thread ({@link StatementWatch#cancel()}). Core calls this right before each execution
     * in an async task, its own statements and the application's, and closes what it returns once the
     * execution is over.
     *
     * <p>The default cancels with JDBC's {@link Statement#cancel()}: pgjdbc sends PostgreSQL's cancel request,
     * MariaDB Connector/J a {@code KILL QUERY} on a connection of its own; both cancel only a statement still
     * executing. A backend whose driver cannot do that safely overrides this.
     *
     * @param connection the session's connection
     * @param statement  the statement about to execute
     * @return the watch, for core to cancel and close
     */
    default StatementWatch watch(Connection connection, Statement statement) {
        return new StatementWatch() {
            @Override
            public void cancel() {
                try {
                    statement.cancel();
                } catch (SQLException | RuntimeException e) {
                    // Best effort: the statement runs to its end, and the task's interrupt stops what follows.
                }
            }

            @Override
            public void close() {
            }
        };
    }

    /**
     * For a failure {@linkplain #classify classified} {@link ErrorKind#AUTHENTICATION}: what was refused and
     * what to do about it, in the backend's terms, naming the user and the database but never the password.
     * Core puts it after the driver's reason; the default, null, leaves core's general advice.
     *
     * @param e the driver's exception
     * @return one or two sentences, or {@code null}
     */
    default String loginAdvice(SQLException e) {
        return null;
    }

    /**
     * Adds backend-specific Jdbi configuration (argument factories, mappers, plugins).
     *
     * @param jdbi the database's Jdbi instance
     */
    default void customize(Jdbi jdbi) {
    }

    /**
     * The cache of prepared statements kept open on this physical connection between sessions, or null (the
     * default) when the connector's pool closes statements when a connection goes back (HikariCP; pgjdbc caches
     * server-side statements on its own). A connector that returns caches closes each with its connection.
     *
     * @param connection a connection from {@link #acquire}
     * @return the connection's cache, or {@code null}
     */
    default StatementCache statementCache(Connection connection) {
        return null;
    }

    /**
     * Whether one statement run in auto-commit either happens in full or fails with an error, so core may run a
     * single-statement write without a transaction of its own. True for an embedded database (SQLite, where the
     * writer is already serialised); false over a network, where a connection lost during the statement leaves
     * its outcome unknown.
     *
     * @return true when a single statement may run in auto-commit
     */
    default boolean autoCommitsSafely() {
        return false;
    }

    /**
     * A driver error as Dataport may show it while bound values are hidden ({@code showParameterValues} off):
     * the same error (SQLSTATE, vendor code, stack trace) with every input value the server quoted in its
     * message taken out, or {@code e} itself when the message quotes none. Core puts the result in its
     * exception's message and cause. The default returns {@code e}: the driver quotes no values.
     *
     * @param e a driver error
     * @return {@code e}, or a copy whose message shows no value
     */
    default SQLException withoutValues(SQLException e) {
        return e;
    }

    /**
     * The backend's own object of {@code type} behind this connector (PostgreSQL: its HikariCP
     * {@code HikariDataSource}), for integrations such as metrics; null when it has none of that type.
     *
     * @param type the type asked for
     * @param <T>  the type
     * @return the object, or {@code null}
     */
    default <T> T unwrap(Class<T> type) {
        return null;
    }

    /**
     * The connections now (most, in use, free), for {@code Database.metrics()}. The default is
     * {@link PoolState#UNKNOWN}.
     *
     * @return the pool's state
     */
    default PoolState poolState() {
        return PoolState.UNKNOWN;
    }

    /**
     * A token for the last write the current thread committed, for {@link #readAfter} on another thread
     * ({@code Database.lastWriteToken()}); null (the default) when every read sees every committed write anyway,
     * as without replicas.
     *
     * @return the token, or {@code null}
     */
    default String lastWriteToken() {
        return null;
    }

    /**
     * Makes the current thread's reads see at least the write {@code token} stands for
     * ({@code Database.readAfter}). The default does nothing: every read sees every committed write.
     *
     * @param token a token of {@link #lastWriteToken()}, not blank
     * @throws io.dataport.ConfigurationException when it is not one of this backend's tokens
     */
    default void readAfter(String token) {
    }

    /**
     * The read replicas and what they did, for {@code Database.metrics()}; the default, none.
     *
     * @return the replicas
     */
    default List<ReplicaMetrics> replicas() {
        return List.of();
    }

    /**
     * Read-only work that went to the primary because no replica could serve it, for {@code Database.metrics()};
     * the default, 0.
     *
     * @return the count
     */
    default long readsOnPrimary() {
        return 0;
    }

    /**
     * The SQL dialect, for what core writes itself (DDL, paging, upserts), and its capabilities.
     *
     * @return the dialect
     */
    Dialect dialect();

    /**
     * How values of the portable types are bound and read; the default is {@link ValueCodec#STANDARD}.
     *
     * @return the codec
     */
    default ValueCodec codec() {
        return ValueCodec.STANDARD;
    }

    /** Closes every connection; connections still borrowed are closed under their users. */
    @Override
    void close();
}
