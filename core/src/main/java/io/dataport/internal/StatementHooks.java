package io.dataport.internal;

import org.jdbi.v3.core.statement.SqlExceptionHandler;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.StatementCustomizer;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Runs around every statement Jdbi executes on a Dataport handle: refuses a statement from the wrong thread,
 * after the session ended, or after a failure in the open transaction; and turns a driver failure into the
 * portable exception, marking the transaction failed.
 */
final class StatementHooks implements StatementCustomizer, SqlExceptionHandler {

    @Override
    public void beforeExecution(PreparedStatement statement, StatementContext ctx) {
        TxState state = ctx.getConfig(HandleState.class).state();
        if (state != null) {
            state.checkUsable();
            state.checkNotFailed(ctx.getRenderedSql());
            state.statementStarted();
        }
    }

    @Override
    public void handle(SQLException e, StatementContext ctx) {
        TxState state = ctx.getConfig(HandleState.class).state();
        if (state == null) {
            return;
        }
        state.markFailed();
        String parameters = state.showParameterValues() ? String.valueOf(ctx.getBinding()) : null;
        throw Errors.translate(e, ctx.getRenderedSql(), parameters, state.connector());
    }
}
