package io.dataport.internal;

import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares statements like Jdbi's default builder, with two differences.
 *
 * <p>A failure to prepare (SQLite reports unknown tables and syntax errors there, PostgreSQL only on
 * execution) is treated like a failed execution: the transaction is marked failed and the portable exception
 * is thrown. So both backends behave the same.
 *
 * <p>Where the backend allows it, prepared statements are kept per physical connection in a
 * {@link StatementCache} and reused by later sessions on that connection, instead of prepared on every call.
 * One builder serves one Jdbi handle.
 */
final class GuardedStatementBuilder implements StatementBuilder {
    private static final StatementBuilder DEFAULT = new DefaultStatementBuilder();

    private final StatementCache cache;

    /** A builder that prepares every statement anew. */
    GuardedStatementBuilder() {
        this(null);
    }

    /** A builder that reuses the statements kept in {@code cache} (null: none). */
    GuardedStatementBuilder(StatementCache cache) {
        this.cache = cache;
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return DEFAULT.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        String key = cache == null ? null : key(sql, ctx);
        try {
            if (key == null) {
                return DEFAULT.create(conn, sql, ctx);
            }
            PreparedStatement statement = cache.take(key);
            if (statement == null) {
                statement = DEFAULT.create(conn, sql, ctx);
            }
            cache.lend(key, statement);
            return statement;
        } catch (SQLException e) {
            throw failed(e, sql, ctx);
        }
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        try {
            return DEFAULT.createCall(conn, sql, ctx);
        } catch (SQLException e) {
            throw failed(e, sql, ctx);
        }
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        if (cache != null && stmt instanceof PreparedStatement && cache.giveBack((PreparedStatement) stmt)) {
            return;
        }
        DEFAULT.close(conn, sql, stmt);
    }

    @Override
    public void close(Connection conn) {
        if (cache != null) {
            cache.closeBusy();
        }
    }

    /**
     * The cache key of a statement: the SQL, and how generated keys are returned (they change what the driver
     * prepares). Null for statements not worth keeping: scrollable or updatable result sets.
     */
    private static String key(String sql, StatementContext ctx) {
        if (ctx.isReturningGeneratedKeys()) {
            String[] columns = ctx.getGeneratedKeysColumnNames();
            return columns == null || columns.length == 0 ? "keys\u0000" + sql
                    : "keys\u0000" + String.join(",", columns) + "\u0000" + sql;
        }
        if (ctx.isConcurrentUpdatable()) {
            return null;
        }
        return sql;
    }

    private static RuntimeException failed(SQLException e, String sql, StatementContext ctx) throws SQLException {
        TxState state = ctx.getConfig(HandleState.class).state();
        if (state == null) {
            throw e;
        }
        state.markFailed();
        return Errors.translate(e, sql, null, state.connector());
    }
}
