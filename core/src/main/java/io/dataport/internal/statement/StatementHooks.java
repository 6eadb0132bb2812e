package io.dataport.internal.statement;

import io.dataport.DataportException;
import io.dataport.internal.session.SessionStateConfig;
import io.dataport.internal.session.SessionState;
import org.jdbi.v3.core.statement.SqlExceptionHandler;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Jdbi's hooks around every statement of the application's own SQL, handing each step to the
 * {@link StatementRunner}: the guard, the query timeout and an async task's watch before it runs, their end once it ran
 * (a query's rows are read after), the translation when it fails. Jdbi closes a statement's context whenever
 * its execution ends in an exception, so they end with it when neither of the others ran.
 */
public final class StatementHooks implements StatementCustomizer, SqlExceptionHandler {
    private final StatementRunner runner;

    /** The hooks of one Database. */
    public StatementHooks(StatementRunner runner) {
        this.runner = runner;
    }

    /** The attribute of a statement's context that holds when it started, for the SQL log. */
    private static final String STARTED = "io.dataport.started";

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx) {
        SessionState state = SessionStateConfig.of(ctx.getConfig());
        if (state != null) {
            runner.beforeExecution(state, ctx.getRenderedSql());
            if (runner.log().timed()) {
                ctx.define(STARTED, System.nanoTime());
            }
            long execution;
            try {
                execution = runner.startExecution(state, statement, ctx.getRenderedSql());
            } catch (SQLException e) {
                throw runner.failed(state, e, ctx.getRenderedSql(), null);
            }
            if (execution != 0) {
                ctx.addCleanable(() -> state.endExecution(execution));
            }
        }
    }

    @Override
    public void afterExecution(PreparedStatement statement, StatementContext ctx) {
        SessionState state = SessionStateConfig.of(ctx.getConfig());
        if (state != null) {
            runner.endExecution(state);
            // A query's rows are read after this, through Jdbi: only an update's count is known here.
            long rows;
            try {
                rows = statement.getUpdateCount();
            } catch (SQLException e) {
                rows = -1;
            }
            runner.log().executed(ctx.getRenderedSql(), elapsed(ctx), rows, 0, runner.shown(ctx.getBinding()));
        }
    }

    @Override
    public void handle(SQLException e, StatementContext ctx) {
        SessionState state = SessionStateConfig.of(ctx.getConfig());
        if (state != null) {
            String values = runner.shown(ctx.getBinding());
            DataportException failure = runner.failed(state, e, ctx.getRenderedSql(), String.valueOf(ctx.getBinding()));
            runner.log().failed(ctx.getRenderedSql(), elapsed(ctx), failure, values);
            throw failure;
        }
    }

    private static long elapsed(StatementContext ctx) {
        Object started = ctx.getAttribute(STARTED);
        return started instanceof Long ? System.nanoTime() - (Long) started : 0;
    }
}
