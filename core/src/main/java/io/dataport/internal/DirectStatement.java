package io.dataport.internal;

import io.dataport.spi.Connector;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Runs one statement of Dataport's own on a session's connection with plain JDBC, under the same rules as a
 * Jdbi statement: same thread, not after a failure in the open transaction, driver errors turned into the
 * portable exceptions (marking the transaction failed). The statement comes from the connection's
 * {@link StatementCache} where the backend keeps statements.
 *
 * <p>Why: the repository's hot paths (find by id, insert, batch insert) run a fixed statement whose binding
 * and reading the dialect already does; going through Jdbi's statement machinery (configuration copies,
 * argument factory lookup, result iterables) for them costs more than SQLite takes to run the statement.
 */
public final class DirectStatement {

    /** The JDBC work on the prepared statement: bind, execute, read. It closes any result set it opens. */
    @FunctionalInterface
    public interface Work<R> {
        R run(PreparedStatement statement) throws SQLException;
    }

    private DirectStatement() {
    }

    /** Runs {@code work} on the statement for {@code sql} on the handle's connection. */
    public static <R> R run(Handle handle, String sql, Work<R> work) {
        return run(handle, sql, null, work);
    }

    /**
     * Runs {@code work} on the statement for {@code sql}, prepared to return the generated values of
     * {@code keyColumns} (null: none) through {@link PreparedStatement#getGeneratedKeys()}.
     */
    public static <R> R run(Handle handle, String sql, String[] keyColumns, Work<R> work) {
        TxState state = handle.getConfig(HandleState.class).state();
        state.checkUsable();
        state.checkNotFailed(sql);
        StatementCache.PerConnection caches = handle.getConfig(ConnectorConnectionFactory.KeptStatements.class)
                .caches();
        return run(handle.getConnection(), caches, state.connector(), state, sql, keyColumns, work);
    }

    /**
     * Runs {@code work} on a connection borrowed for this statement alone, outside any session: the statement
     * kept for it on the connection by the Database's Jdbi, if any.
     */
    public static <R> R run(Jdbi jdbi, Connector connector, Connection connection, String sql, Work<R> work) {
        StatementCache.PerConnection caches = jdbi.getConfig(ConnectorConnectionFactory.KeptStatements.class)
                .caches();
        return run(connection, caches, connector, null, sql, null, work);
    }

    private static <R> R run(Connection connection, StatementCache.PerConnection caches, Connector connector,
                             TxState state, String sql, String[] keyColumns, Work<R> work) {
        StatementCache cache = caches == null ? null : caches.of(connection);
        String key = keyColumns == null ? sql : "keys\u0000" + String.join(",", keyColumns) + "\u0000" + sql;
        PreparedStatement statement = null;
        try {
            statement = cache == null ? null : cache.take(key);
            if (statement == null) {
                statement = keyColumns == null ? connection.prepareStatement(sql)
                        : connection.prepareStatement(sql, keyColumns);
            }
            if (cache != null) {
                cache.lend(key, statement);
            }
            return work.run(statement);
        } catch (SQLException e) {
            if (state != null) {
                state.markFailed();
            }
            throw Errors.translate(e, sql, null, connector);
        } finally {
            if (statement != null) {
                giveBack(cache, statement);
            }
        }
    }

    private static void giveBack(StatementCache cache, PreparedStatement statement) {
        try {
            if (cache == null || !cache.giveBack(statement)) {
                statement.close();
            }
        } catch (SQLException e) {
            // The statement is done either way; a broken connection fails its next use.
        }
    }
}
