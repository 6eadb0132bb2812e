package io.dataport.spi;

import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The running backend of one open {@link io.dataport.Database}: it hands out connections, begins and ends
 * transactions in its dialect, and says what a driver error means. Thread-safe; closed with the database.
 *
 * <p>Core calls {@link #acquire} and {@link #release} in pairs on one thread; between them the connection
 * belongs to one {@link io.dataport.Session}.
 */
public interface Connector extends AutoCloseable {

    /**
     * Borrows a connection for the given access, waiting at most the configured connection timeout.
     *
     * @throws io.dataport.ConnectionException when none could be had in time (the message says why)
     */
    Connection acquire(Access access) throws SQLException;

    /** Gives a connection back; it must not be in a transaction. */
    void release(Connection connection) throws SQLException;

    /** Starts a transaction: on SQLite a write transaction is {@code BEGIN IMMEDIATE}. */
    void begin(Connection connection, boolean readOnly) throws SQLException;

    /** Commits the transaction begun by {@link #begin}. */
    void commit(Connection connection) throws SQLException;

    /** Rolls back the transaction begun by {@link #begin}; a no-op when the database already ended it. */
    void rollback(Connection connection) throws SQLException;

    /** What a driver error means. The default reads the SQLSTATE. */
    default ErrorKind classify(SQLException e) {
        return ErrorKind.fromSqlState(e.getSQLState());
    }

    /** Adds backend-specific Jdbi configuration (argument factories, mappers, plugins). */
    default void customize(Jdbi jdbi) {
    }

    /**
     * Whether core may keep prepared statements open on a connection between sessions and reuse them. True only
     * when {@link #acquire} hands out the same physical connection objects again and {@link #release} leaves
     * their statements open (SQLite). False for pools that hand out proxies and close statements on release
     * (HikariCP). Statements kept close with their connection.
     */
    default boolean reusesStatements() {
        return false;
    }

    /**
     * Whether one statement run in auto-commit either happens in full or fails with an error, so core may run a
     * single-statement write without a transaction of its own. True for an embedded database (SQLite, where the
     * writer is already serialised); false over a network, where a connection lost during the statement leaves
     * its outcome unknown.
     */
    default boolean autoCommitsSafely() {
        return false;
    }

    /** The SQL dialect, for what core writes itself (DDL, paging, upserts). */
    Dialect dialect();

    /** Closes every connection; connections still borrowed are closed under their users. */
    @Override
    void close();
}
