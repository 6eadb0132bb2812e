package io.dataport.internal.session;

import io.dataport.ConnectionException;
import io.dataport.QueryTimeoutException;
import io.dataport.SessionMisuseException;
import io.dataport.TransactionAbortedException;
import io.dataport.TransactionIsolation;
import io.dataport.spi.Access;
import io.dataport.spi.Connector;
import io.dataport.spi.StatementCache;
import io.dataport.spi.StatementTimeout;
import io.dataport.spi.StatementWatch;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * One borrowed connection and what is known about the work on it: its transaction, whether a statement in it
 * failed, how many statements ran, whether the commit was sent, and which thread may use it. Read on every
 * statement, so it stays small. Not thread-safe: confined to the thread that borrowed the connection.
 */
public final class SessionState {
    /** What failed, in the messages of a failed transaction: a statement, or a transaction joined to it. */
    static final String FAILED_STATEMENT = "a statement";
    static final String FAILED_INNER = "a nested transaction (an inner inTransaction or useTransaction that threw)";
    /** How to go on, in the messages of a failed transaction. */
    static final String TO_GO_ON_STATEMENT = "Let the exception leave the transaction callback, or roll back to a "
            + "savepoint taken before the failing statement.";
    static final String TO_GO_ON_INNER = "Let the inner transaction's exception leave the outer callback too, or "
            + "take a savepoint before the inner call and roll back to it when it throws.";

    private final Connector connector;
    private final Connection connection;
    private final StatementCache statementCache;
    private final Thread owner;
    private final boolean sessionReadOnly;
    private final TransactionIsolation defaultIsolation;
    private boolean closed;
    private boolean inTransaction;
    private boolean readOnly;
    private boolean failed;
    private boolean innerFailed;
    private int statements;
    private boolean commitSent;
    /** The query timeout of the statement executing now, or null; and when that statement started. */
    private StatementTimeout timeout;
    private long timeoutStarted;
    /** The async task this session works for, which another thread may cancel; null outside one. */
    private final Cancellation cancellation;
    /** The watch of the statement executing now in an async task, or null. */
    private StatementWatch watch;
    /** Counts the executions that started a timeout or a watch, so that a late end does not end a later one. */
    private long executions;
    private final TransactionLog log;
    private long begunAt;

    SessionState(Connector connector, Connection connection, boolean readOnly, TransactionIsolation defaultIsolation,
                 TransactionLog log) {
        this.connector = connector;
        this.log = log;
        this.connection = connection;
        this.statementCache = connector.statementCache(connection);
        this.owner = Thread.currentThread();
        this.cancellation = Cancellation.current();
        this.sessionReadOnly = readOnly;
        this.readOnly = readOnly;
        this.defaultIsolation = defaultIsolation;
    }

    /**
     * Borrows a connection for {@code access} and wraps it; the caller releases it with {@link #release()}.
     * Transactions that ask for no level run at {@code defaultIsolation}.
     */
    static SessionState acquire(Connector connector, Access access, boolean readOnly,
                                TransactionIsolation defaultIsolation, TransactionLog log) throws SQLException {
        if (Thread.currentThread().isInterrupted()) {
            throw interrupted("this thread's interrupt flag is set, so no connection is taken", null);
        }
        Connection connection;
        try {
            connection = connector.acquire(access);
        } catch (SQLException | RuntimeException e) {
            // Every backend's pool restores the flag when its wait is interrupted; the error is one, whatever
            // the pool said (HikariCP's SQLException has no SQLSTATE, SQLite's lock throws InterruptedException).
            if (Thread.currentThread().isInterrupted()) {
                throw interrupted("the thread was interrupted while waiting for a connection", e);
            }
            throw e;
        }
        return new SessionState(connector, connection, readOnly || access == Access.READ_ONLY, defaultIsolation, log);
    }

    /** The one error for an interrupted thread asking for a connection; the thread keeps its interrupt flag. */
    private static ConnectionException interrupted(String what, Throwable cause) {
        return new ConnectionException("Interrupted: " + what + "; nothing ran. The interrupt flag stays set: "
                + "finish the thread's work, or clear the flag (Thread.interrupted()) before using the database "
                + "on this thread again.", cause);
    }

    /** The connection. */
    public Connection connection() {
        return connection;
    }

    /** The statements kept on the connection, or null when the backend keeps none. */
    public StatementCache statementCache() {
        return statementCache;
    }

    /** Whether a transaction is open. */
    public boolean isInTransaction() {
        return inTransaction;
    }

    /** Whether the open transaction is read-only, or, outside one, the session's connection. */
    public boolean isReadOnly() {
        return readOnly;
    }

    /** Fails unless the current thread may use the session now. */
    public void checkUsable() {
        if (closed) {
            throw new SessionMisuseException("Session is closed: it was used after its callback returned. "
                    + "Use a Session only inside the callback that received it.");
        }
        Thread current = Thread.currentThread();
        if (owner != current) {
            throw new SessionMisuseException("Session used from thread '" + current.getName()
                    + "' but it belongs to thread '" + owner.getName() + "' that opened it. "
                    + "Open a Session per thread with Database.inTransaction or Database.withSession.");
        }
    }

    /**
     * Words why a statement is refused in a failed transaction: what failed, then how to go on.
     *
     * @param sql the refused statement, already cut for a message
     */
    public String refusal(String sql) {
        boolean inner = isInnerFailed();
        return "Statement refused: " + (inner ? FAILED_INNER : "an earlier statement") + " in this transaction "
                + "failed, so the transaction can only roll back. " + (inner ? TO_GO_ON_INNER : TO_GO_ON_STATEMENT)
                + " SQL: " + sql;
    }

    /** Whether a statement of the open transaction failed, so that only a rollback may follow. */
    public boolean isFailed() {
        return inTransaction && failed;
    }

    /** Counts a statement (called before it runs). */
    public void statementStarted() {
        statements++;
    }

    /** Whether another thread may cancel this session's statements: it works for an async task. */
    public boolean isCancellable() {
        return cancellation != null;
    }

    /**
     * Holds what was started on the statement about to execute, until {@link #endExecution()}: its query
     * timeout and its async task's watch, each null when there is none. When the task was cancelled already,
     * ends the watch and fails: the statement must not start.
     *
     * @param started when the statement started ({@link System#nanoTime()})
     * @return the execution's number, for {@link #endExecution(long)}
     */
    public long executionStarted(StatementTimeout running, StatementWatch watching, long started, String sql) {
        executions++;
        timeout = running;
        timeoutStarted = started;
        if (watching != null) {
            if (!cancellation.executing(watching)) {
                endExecution();
                watching.close();
                throw new QueryTimeoutException("Statement not run: its async task was cancelled "
                        + "(CompletableFuture.cancel), so the task stops here and nothing of its transaction is "
                        + "saved.", sql, null);
            }
            watch = watching;
        }
        return executions;
    }

    /**
     * Ends what runs on the statement that executed, its query timeout and its watch, and returns how long the
     * statement ran, in nanoseconds; -1 when no timeout ran.
     */
    public long endExecution() {
        StatementWatch watching = watch;
        if (watching != null) {
            watch = null;
            cancellation.executed();
            watching.close();
        }
        StatementTimeout running = timeout;
        if (running == null) {
            return -1;
        }
        timeout = null;
        running.close();
        return System.nanoTime() - timeoutStarted;
    }

    /** Ends execution number {@code execution}, when it is still the one executing now. */
    public void endExecution(long execution) {
        if (execution == executions) {
            endExecution();
        }
    }

    /**
     * How many statements the session has run since its transaction began (or since it was opened): a reader
     * that compares two counts knows whether any statement ran in between.
     */
    public int statementCount() {
        return statements;
    }

    /** Marks the open transaction failed: only a rollback (or to a savepoint) may follow. */
    public void markFailed() {
        if (inTransaction) {
            failed = true;
        }
    }

    /**
     * Marks the open transaction rollback-only because a transaction joined to it (a nested
     * {@code inTransaction}) threw: like a failed statement, only a rollback (or to a savepoint) may follow.
     */
    public void markInnerFailed() {
        if (inTransaction) {
            failed = true;
            innerFailed = true;
        }
    }

    /** Whether the open transaction failed because a transaction joined to it threw, not a statement. */
    public boolean isInnerFailed() {
        return isFailed() && innerFailed;
    }

    /** A rollback to a savepoint undid the failure. */
    public void clearFailure() {
        failed = false;
        innerFailed = false;
    }

    /** Whether the open transaction's commit was sent: a connection lost from then on leaves its outcome unknown. */
    public boolean commitSent() {
        return commitSent;
    }

    /**
     * Whether the work failed before it could have done anything: no commit was sent, and at most its first
     * statement started. A connection lost then was already dead (closed by the server while idle in the pool),
     * and running the work again on another connection is safe.
     */
    public boolean nothingDoneYet() {
        return !commitSent && statements <= 1;
    }

    /** Begins a transaction at the database's default level (read-write) or a read-only one. */
    public void begin(boolean readOnlyTransaction) throws SQLException {
        begin(readOnlyTransaction, null);
    }

    /**
     * Begins a transaction through the backend, the one place every path begins one: read-write at exactly
     * {@code isolation} (null: the database's default), or read-only.
     */
    public void begin(boolean readOnlyTransaction, TransactionIsolation isolation) throws SQLException {
        if (inTransaction) {
            throw new SessionMisuseException("A transaction is already open on this Session. Nested "
                    + "Database.inTransaction calls join it; do not call Handle.begin() twice.");
        }
        TransactionIsolation level = isolation == null ? defaultIsolation : isolation;
        connector.begin(connection, sessionReadOnly || readOnlyTransaction, level);
        readOnly = sessionReadOnly || readOnlyTransaction;
        begunAt = System.nanoTime();
        log.begun(readOnly, level);
        inTransaction = true;
        failed = false;
        innerFailed = false;
        statements = 0;
        commitSent = false;
    }

    /**
     * Commits the open transaction, or, when a statement in it failed, rolls it back and fails with
     * {@link TransactionAbortedException}: nothing of a failed transaction is saved. A read-only transaction
     * has nothing to save and ends with a rollback, so whatever a backend did to enforce read-only (PostgreSQL
     * hides temporary tables) is undone.
     */
    public void commit() throws SQLException {
        if (!inTransaction) {
            return;
        }
        if (failed) {
            boolean inner = innerFailed;
            rollback();
            throw new TransactionAbortedException("Commit refused: " + (inner ? FAILED_INNER : FAILED_STATEMENT)
                    + " in this transaction failed, so it was rolled back and nothing of it was saved. "
                    + (inner ? TO_GO_ON_INNER : TO_GO_ON_STATEMENT), null, null);
        }
        if (readOnly) {
            end();
            connector.rollback(connection);
            log.committed(statements, System.nanoTime() - begunAt);
            return;
        }
        if (cancellation != null && !cancellation.committing()) {
            rollback();
            throw new QueryTimeoutException("Commit refused: the async task was cancelled "
                    + "(CompletableFuture.cancel), so its transaction was rolled back and nothing of it was saved.",
                    null, null);
        }
        commitSent = true;
        try {
            connector.commit(connection);
        } catch (SQLException e) {
            failed = true;
            throw e;
        }
        inTransaction = false;
        readOnly = sessionReadOnly;
        log.committed(statements, System.nanoTime() - begunAt);
    }

    /** Rolls back the open transaction, if any. */
    public void rollback() throws SQLException {
        rollback(null);
    }

    /** Rolls back the open transaction, if any, because of {@code cause} (null: none given). */
    private void rollback(Throwable cause) throws SQLException {
        if (!inTransaction) {
            return;
        }
        if (cancellation != null) {
            cancellation.beforeCleanup();
        }
        end();
        log.rolledBack(cause, System.nanoTime() - begunAt);
        connector.rollback(connection);
    }

    private void end() {
        inTransaction = false;
        failed = false;
        innerFailed = false;
        readOnly = sessionReadOnly;
    }

    /** The work of a transaction. */
    @FunctionalInterface
    public interface TransactionBody<R> {
        /** Runs the work. */
        R run() throws Throwable;
    }

    /**
     * Begins a transaction, runs {@code body} and commits; when the body throws, rolls back (a failing rollback
     * attached as suppressed) and rethrows. Driver errors of begin and commit come out as they are.
     *
     * @param isolation the level of a read-write transaction; null for the database's default
     */
    public <R> R transaction(boolean readOnlyTransaction, TransactionIsolation isolation, TransactionBody<R> body)
            throws Throwable {
        begin(readOnlyTransaction, isolation);
        R result;
        try {
            result = body.run();
        } catch (Throwable t) {
            rollbackQuietly(t);
            throw t;
        }
        commit();
        return result;
    }

    /** Rolls back after {@code failure}, attaching a failing rollback to it as suppressed. */
    public void rollbackQuietly(Throwable failure) {
        try {
            rollback(failure);
        } catch (SQLException | RuntimeException e) {
            if (e != failure) {
                failure.addSuppressed(e);
            }
        }
    }

    /**
     * Marks the session ended: any later use fails; a query timeout still running ends; statements still lent (a
     * stream left open) are closed.
     */
    void markClosed() {
        closed = true;
        endExecution();
        if (statementCache != null) {
            statementCache.closeBorrowed();
        }
    }

    /**
     * Ends the session: rolls back a transaction left open, closes what it left open and gives the connection
     * back. Throws the first failure, after doing all of it.
     */
    void release() throws SQLException {
        if (cancellation != null) {
            cancellation.beforeCleanup();
        }
        SQLException failure = null;
        try {
            rollback();
        } catch (SQLException e) {
            failure = e;
        }
        markClosed();
        try {
            connector.release(connection);
        } catch (SQLException e) {
            if (failure == null) {
                failure = e;
            } else {
                failure.addSuppressed(e);
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
