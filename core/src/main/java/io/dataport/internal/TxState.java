package io.dataport.internal;

import io.dataport.TransactionAbortedException;
import io.dataport.spi.Connector;

/**
 * The mutable state of one Jdbi handle opened by Dataport: its transaction, whether a statement in it failed,
 * and which thread may use it. Read by the statement hooks on every execution, so it stays tiny.
 */
public final class TxState {
    private final Connector connector;
    private final boolean showParameterValues;
    private Thread owner;
    private boolean closed;
    boolean inTransaction;
    boolean readOnly;
    boolean failed;
    private int statements;
    private boolean committing;

    TxState(Connector connector, boolean showParameterValues) {
        this.connector = connector;
        this.showParameterValues = showParameterValues;
    }

    public Connector connector() {
        return connector;
    }

    boolean showParameterValues() {
        return showParameterValues;
    }

    /** Confines the handle to the current thread until {@link #close()}. */
    public void confineToCurrentThread() {
        owner = Thread.currentThread();
    }

    /** Marks the session ended: any later use fails. */
    public void close() {
        closed = true;
    }

    public boolean isInTransaction() {
        return inTransaction;
    }

    /** Sets whether the next transaction begun on this handle is read-only. */
    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public boolean isReadOnly() {
        return readOnly;
    }

    /** Fails unless the current thread may use the session now. */
    public void checkUsable() {
        if (closed) {
            throw new IllegalStateException("Session is closed: it was used after its callback returned. "
                    + "Use a Session only inside the callback that received it.");
        }
        Thread current = Thread.currentThread();
        if (owner != null && owner != current) {
            throw new IllegalStateException("Session used from thread '" + current.getName()
                    + "' but it belongs to thread '" + owner.getName() + "' that opened it. "
                    + "Open a Session per thread with Database.inTransaction or Database.withSession.");
        }
    }

    /** Fails when an earlier statement of the open transaction failed (PostgreSQL's rule, on every backend). */
    void checkNotFailed(String sql) {
        if (inTransaction && failed) {
            throw new TransactionAbortedException("Statement refused: an earlier statement in this transaction "
                    + "failed, so the transaction can only roll back. Let the exception leave the transaction "
                    + "callback, or roll back to a savepoint taken before the failing statement. SQL: "
                    + Errors.cut(sql), sql, null);
        }
    }

    /** The error for a commit of a failed transaction, which was rolled back instead. */
    static TransactionAbortedException commitRefused() {
        return new TransactionAbortedException("Commit refused: a statement in this transaction failed, so it was "
                + "rolled back and nothing of it was saved. Let the exception leave the transaction callback, or "
                + "roll back to a savepoint taken before the failing statement.", null, null);
    }

    /** Counts a statement of the open transaction (called before it runs). */
    void statementStarted() {
        statements++;
    }

    /** Starts counting for a new transaction. */
    void transactionBegun() {
        statements = 0;
        committing = false;
    }

    /** Records that the transaction's commit was sent: a connection lost from now on leaves its outcome unknown. */
    public void commitStarted() {
        committing = true;
    }

    /** Whether the open transaction's commit was sent. */
    public boolean commitSent() {
        return committing;
    }

    /**
     * Whether the transaction failed before it could have done anything: no commit was sent, and at most its
     * first statement started. A connection lost then was already dead (closed by the server while idle in the
     * pool); running the transaction again on another connection is safe.
     */
    public boolean nothingDoneYet() {
        return !committing && statements <= 1;
    }

    void markFailed() {
        if (inTransaction) {
            failed = true;
        }
    }
}
