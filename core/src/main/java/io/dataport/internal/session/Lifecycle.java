package io.dataport.internal.session;

import io.dataport.ConnectionException;
import io.dataport.DataportException;

/**
 * Whether one Database is open, and the one place that words its closed-database error. Work cut short by
 * {@code close()} fails with that error whatever the driver saw (an interrupted statement, a closed
 * connection). Thread-safe.
 */
public final class Lifecycle {
    private final String maskedUrl;
    private volatile boolean closed;

    /** The lifecycle of the database at {@code maskedUrl} (already masked). */
    public Lifecycle(String maskedUrl) {
        this.maskedUrl = maskedUrl;
    }

    /** Marks the database closed; returns false when it already was. */
    public boolean close() {
        if (closed) {
            return false;
        }
        closed = true;
        return true;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /** Fails with the closed-database error once the database is closed. */
    public void checkOpen() {
        if (closed) {
            throw closedError();
        }
    }

    /** The closed-database error of work that starts once the database is closed, or closing. */
    public ConnectionException closedError() {
        return new DatabaseClosedException("Database is closed: " + maskedUrl
                + ". Open a new one with Database.open(url); close it only at shutdown.", null);
    }

    /** The closed-database error of async work that was still waiting for a thread when the database closed. */
    public ConnectionException closedBeforeStart() {
        return new DatabaseClosedException("Database is closed: " + maskedUrl + ". It was closed while this async "
                + "work waited for a thread, so the work did not run; close it only at shutdown, after the work "
                + "ends.", null);
    }

    /**
     * The failure as the application should see it: once the database is closed, a database failure of work
     * that was running becomes the closed-database error (with the driver's failure as its cause).
     */
    public Throwable closedUnder(Throwable failure) {
        if (!closed || !(failure instanceof DataportException) || failure instanceof DatabaseClosedException) {
            return failure;
        }
        return new DatabaseClosedException("Database is closed: " + maskedUrl + ". It was closed while this work "
                + "ran, which stopped it; close it only at shutdown, after the work ends.", failure);
    }

    /** The closed-database error: a {@link ConnectionException}, recognised by its type, never by its text. */
    static final class DatabaseClosedException extends ConnectionException {
        private static final long serialVersionUID = 1L;

        DatabaseClosedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
