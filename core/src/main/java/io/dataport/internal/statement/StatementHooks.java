package io.dataport.internal.statement;

import io.dataport.internal.session.SessionStateConfig;
import io.dataport.internal.session.SessionState;
import org.jdbi.v3.core.statement.SqlExceptionHandler;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Jdbi's hooks around every statement of the application's own SQL, handing each step to the
 * {@link StatementRunner}: the guard before it runs, the translation when it fails.
 */
public final class StatementHooks implements StatementCustomizer, SqlExceptionHandler {
    private final StatementRunner runner;

    /** The hooks of one Database. */
    public StatementHooks(StatementRunner runner) {
        this.runner = runner;
    }

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx) {
        SessionState state = SessionStateConfig.of(ctx.getConfig());
        if (state != null) {
            runner.beforeExecution(state, ctx.getRenderedSql());
        }
    }

    @Override
    public void handle(SQLException e, StatementContext ctx) {
        SessionState state = SessionStateConfig.of(ctx.getConfig());
        if (state != null) {
            throw runner.failed(state, e, ctx.getRenderedSql(), String.valueOf(ctx.getBinding()));
        }
    }
}
