package io.dataport.internal.session;

import io.dataport.ConfigurationException;
import io.dataport.TransactionIsolation;
import io.dataport.internal.statement.ErrorTranslator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Jdbi's transaction calls on a Dataport handle ({@code handle.begin()}, savepoints, {@code inTransaction}),
 * routed to the handle's {@link SessionState}, where every path begins, commits and rolls back. A transaction
 * begun inside an open one joins it; after a failed statement only a rollback (or to a savepoint) is allowed.
 */
final class JdbiTransactionHandler implements TransactionHandler {
    private static final Pattern SAVEPOINT_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final ThreadLocal<SessionState> OPENING = new ThreadLocal<>();

    private final ErrorTranslator errors;

    JdbiTransactionHandler(ErrorTranslator errors) {
        this.errors = errors;
    }

    /** Runs {@code open} with {@code state} as the state the handle being opened binds to. */
    static Handle opening(SessionState state, Supplier<Handle> open) {
        OPENING.set(state);
        try {
            return open.get();
        } finally {
            OPENING.remove();
        }
    }

    /** Whether a session is opening a handle on this thread. */
    static boolean isOpening() {
        return OPENING.get() != null;
    }

    /** The connection of the handle being opened on this thread. */
    static Connection openingConnection() {
        return OPENING.get().connection();
    }

    /** Binds {@code state} to the next handle built on this thread (one the application opens itself). */
    static void bindNext(SessionState state) {
        OPENING.set(state);
    }

    @Override
    public void begin(Handle handle) {
        SessionState state = state(handle);
        state.checkUsable();
        try {
            state.begin(false, null);
        } catch (SQLException e) {
            throw errors.translate(e, null, null);
        }
    }

    @Override
    public void commit(Handle handle) {
        try {
            state(handle).commit();
        } catch (SQLException e) {
            throw errors.translate(e, null, null);
        }
    }

    @Override
    public void rollback(Handle handle) {
        try {
            state(handle).rollback();
        } catch (SQLException e) {
            throw errors.translate(e, null, null);
        }
    }

    @Override
    public boolean isInTransaction(Handle handle) {
        return state(handle).isInTransaction();
    }

    @Override
    public void savepoint(Handle handle, String name) {
        run(handle, "SAVEPOINT " + checkedName(name));
    }

    @Override
    public void rollbackToSavepoint(Handle handle, String name) {
        run(handle, "ROLLBACK TO SAVEPOINT " + checkedName(name));
        state(handle).clearFailure();
    }

    @Override
    public void releaseSavepoint(Handle handle, String name) {
        run(handle, "RELEASE SAVEPOINT " + checkedName(name));
    }

    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
        return inTransaction(handle, (TransactionIsolation) null, callback);
    }

    /** Runs {@code callback} at exactly {@code level}, like {@code Database.inTransaction(level, ...)}. */
    @Override
    public <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolationLevel level,
                                                    HandleCallback<R, X> callback) throws X {
        return inTransaction(handle, portable(level), callback);
    }

    private <R, X extends Exception> R inTransaction(Handle handle, TransactionIsolation isolation,
                                                     HandleCallback<R, X> callback) throws X {
        SessionState state = state(handle);
        if (state.isInTransaction()) {
            return callback.withHandle(handle);
        }
        state.checkUsable();
        try {
            state.begin(false, isolation);
        } catch (SQLException e) {
            throw errors.translate(e, null, null);
        }
        R result;
        try {
            result = callback.withHandle(handle);
        } catch (Throwable t) {
            state.rollbackQuietly(t);
            throw t;
        }
        commit(handle);
        return result;
    }

    /** Jdbi's level as Dataport's; READ UNCOMMITTED is read committed (as on PostgreSQL), UNKNOWN the default. */
    private static TransactionIsolation portable(TransactionIsolationLevel level) {
        if (level == null) {
            return null;
        }
        switch (level) {
            case READ_UNCOMMITTED:
            case READ_COMMITTED:
                return TransactionIsolation.READ_COMMITTED;
            case REPEATABLE_READ:
                return TransactionIsolation.REPEATABLE_READ;
            case SERIALIZABLE:
                return TransactionIsolation.SERIALIZABLE;
            default:
                return null;
        }
    }

    private void run(Handle handle, String sql) {
        SessionState state = state(handle);
        state.checkUsable();
        try (Statement statement = handle.getConnection().createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw errors.translate(e, sql, null);
        }
    }

    private static String checkedName(String name) {
        if (name == null || !SAVEPOINT_NAME.matcher(name).matches()) {
            throw new ConfigurationException("Savepoint name is not a plain identifier: '" + name
                    + "'. Use letters, digits and underscores, starting with a letter.");
        }
        return name;
    }

    /** Binds the state of the session opening the handle to it: Jdbi calls this while it builds the handle. */
    @Override
    public TransactionHandler specialize(Handle handle) {
        handle.getConfig(SessionStateConfig.class).bind(OPENING.get());
        OPENING.remove();
        return this;
    }

    private static SessionState state(Handle handle) {
        return handle.getConfig(SessionStateConfig.class).state();
    }
}
