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
 * Prepares statements like Jdbi's default builder, but treats a failure to prepare (SQLite reports unknown
 * tables and syntax errors there, PostgreSQL only on execution) like a failed execution: the transaction is
 * marked failed and the portable exception is thrown. So both backends behave the same.
 */
final class GuardedStatementBuilder implements StatementBuilder {
    private final StatementBuilder delegate = new DefaultStatementBuilder();

    @Override
    public Statement create(Connection conn, StatementContext ctx) throws SQLException {
        return delegate.create(conn, ctx);
    }

    @Override
    public PreparedStatement create(Connection conn, String sql, StatementContext ctx) throws SQLException {
        try {
            return delegate.create(conn, sql, ctx);
        } catch (SQLException e) {
            throw failed(e, sql, ctx);
        }
    }

    @Override
    public CallableStatement createCall(Connection conn, String sql, StatementContext ctx) throws SQLException {
        try {
            return delegate.createCall(conn, sql, ctx);
        } catch (SQLException e) {
            throw failed(e, sql, ctx);
        }
    }

    @Override
    public void close(Connection conn, String sql, Statement stmt) throws SQLException {
        delegate.close(conn, sql, stmt);
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
