package io.dataport.internal.statement;

import io.dataport.internal.session.SessionStateConfig;
import io.dataport.spi.StatementCache;
import org.jdbi.v3.core.statement.DefaultStatementBuilder;
import org.jdbi.v3.core.statement.StatementBuilder;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Prepares the application's Jdbi statements like Jdbi's default builder, through the {@link StatementRunner}:
 * from the connection's {@link StatementCache} where the backend keeps statements, and with a failure to
 * prepare (SQLite reports unknown tables and syntax errors there, PostgreSQL only on execution) treated like a
 * failed execution, so both backends behave the same. One builder serves one Jdbi handle.
 */
public final class CachingStatementBuilder implements StatementBuilder {
    private static final StatementBuilder DEFAULT = new DefaultStatementBuilder();

    private final StatementRunner runner;
    private final StatementCache cache;

    /** A builder for one connection's handle; {@code cache} null when the backend keeps no statements. */
    public CachingStatementBuilder(StatementRunner runner, StatementCache cache) {
        this.runner = runner;
        this.cache = cache;
    }

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return DEFAULT.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        try {
            String key = key(sql, ctx);
            return key == null ? DEFAULT.create(conn, sql, ctx)
                    : runner.prepare(cache, key, () -> DEFAULT.create(conn, sql, ctx));
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
        // The session closes the statements still lent when it ends.
    }

    /** The cache key, or null for statements not worth keeping (scrollable or updatable results; no cache). */
    private String key(String sql, StatementContext ctx) {
        if (cache == null || ctx.isConcurrentUpdatable()) {
            return null;
        }
        if (ctx.isReturningGeneratedKeys()) {
            String[] columns = ctx.getGeneratedKeysColumnNames();
            return StatementRunner.cacheKey(sql, columns == null ? new String[0] : columns);
        }
        return StatementRunner.cacheKey(sql, null);
    }

    private RuntimeException failed(SQLException e, String sql, StatementContext ctx) throws SQLException {
        var state = SessionStateConfig.of(ctx.getConfig());
        if (state == null) {
            throw e;
        }
        return runner.failed(state, e, sql, null);
    }
}
