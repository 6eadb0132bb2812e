package io.dataport.internal;

import io.dataport.ConfigurationException;
import io.dataport.spi.Connector;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * Jdbi's transaction calls, routed to the backend's {@link io.dataport.spi.Connector}: on SQLite a write
 * transaction is {@code BEGIN IMMEDIATE}, on PostgreSQL a JDBC transaction. A transaction begun inside an open
 * one joins it, and after a failed statement only a rollback (or a rollback to a savepoint) is allowed.
 */
public final class SessionTransactionHandler implements TransactionHandler {
    private static final Pattern SAVEPOINT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final Connector connector;
    private final boolean showParameterValues;

    public SessionTransactionHandler(Connector connector, boolean showParameterValues) {
        this.connector = connector;
        this.showParameterValues = showParameterValues;
    }

    @Override
    public void begin(Handle handle) {
        TxState state = state(handle);
        if (state.inTransaction) {
            throw new IllegalStateException("A transaction is already open on this Session. "
                    + "Nested Database.inTransaction calls join it; do not call Handle.begin() twice.");
        }
        try {
            state.connector().begin(handle.getConnection(), state.readOnly);
        } catch (SQLException e) {
            throw Errors.translate(e, null, null, state.connector());
        }
        state.inTransaction = true;
        state.failed = false;
        state.transactionBegun();
    }

    @Override
    public void commit(Handle handle) {
        TxState state = state(handle);
        if (!state.inTransaction) {
            return;
        }
        if (state.failed) {
            rollback(handle);
            throw TxState.commitRefused();
        }
        try {
            state.connector().commit(handle.getConnection());
        } catch (SQLException e) {
            state.markFailed();
            throw Errors.translate(e, null, null, state.connector());
        }
        state.inTransaction = false;
    }

    @Override
    public void rollback(Handle handle) {
        TxState state = state(handle);
        if (!state.inTransaction) {
            return;
        }
        state.inTransaction = false;
        state.failed = false;
        try {
            state.connector().rollback(handle.getConnection());
        } catch (SQLException e) {
            throw Errors.translate(e, null, null, state.connector());
        }
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        return state(handle).inTransaction;
    }

    @Override
    public void savepoint(Handle handle, String name) {
        run(handle, "SAVEPOINT " + checkedName(name));
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        run(handle, "ROLLBACK TO SAVEPOINT " + checkedName(name));
        state(handle).failed = false;
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        run(handle, "RELEASE SAVEPOINT " + checkedName(name));
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        if (state(handle).inTransaction) {
            return callback.withHandle(handle);
        }
        begin(handle);
        R result;
        try {
            result = callback.withHandle(handle);
        } catch (Throwable t) {
            rollbackQuietly(handle, t);
            throw t;
        }
        commit(handle);
        return result;
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        if (state(handle).inTransaction || level == null || level == TransactionIsolationLevel.UNKNOWN) {
            return inTransaction(handle, callback);
        }
        Connection connection = handle.getConnection();
        int previous;
        try {
            previous = connection.getTransactionIsolation();
            connection.setTransactionIsolation(level.intValue());
        } catch (SQLException e) {
            throw Errors.translate(e, null, null, state(handle).connector());
        }
        try {
            return inTransaction(handle, callback);
        } finally {
            try {
                connection.setTransactionIsolation(previous);
            } catch (SQLException e) {
                // The pool resets isolation when the connection comes back; nothing is lost here.
            }
        }
    }

    /** Rolls back after {@code failure}, attaching a failing rollback to it as suppressed. */
    public void rollbackQuietly(Handle handle, Throwable failure) {
        try {
            rollback(handle);
        } catch (RuntimeException e) {
            if (e != failure) {
                failure.addSuppressed(e);
            }
        }
    }

    private void run(Handle handle, String sql) {
        TxState state = state(handle);
        state.checkUsable();
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw Errors.translate(e, sql, null, state.connector());
        }
    }

    private static String checkedName(String name) {
        if (name == null || !SAVEPOINT_NAME.matcher(name).matches()) {
            throw new ConfigurationException("Savepoint name is not a plain identifier: '" + name
                    + "'. Use letters, digits and underscores, starting with a letter.");
        }
        return name;
    }

    /** The state of a handle of this Database, bound on first use (Jdbi asks while it builds the handle). */
    public TxState state(Handle handle) {
        HandleState holder = handle.getConfig(HandleState.class);
        TxState state = holder.state();
        if (state == null) {
            state = new TxState(connector, showParameterValues);
            holder.bind(state);
        }
        return state;
    }
}
