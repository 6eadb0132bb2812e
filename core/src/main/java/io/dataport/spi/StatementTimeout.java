package io.dataport.spi;

/**
 * The query timeout running on one statement, from {@link Connector#startTimeout}: core closes it as soon as
 * the statement has run or failed, on the thread that ran it, before the next statement starts on the
 * connection. From the return of {@link #close()} on, the backend stops nothing on that connection for this
 * statement.
 */
@FunctionalInterface
public interface StatementTimeout extends AutoCloseable {
    /** A timeout with nothing to cancel: the driver enforces it on the statement by itself. */
    StatementTimeout NONE = () -> {
    };

    /** Ends the timeout. Called once, and never throws. */
    @Override
    void close();
}
