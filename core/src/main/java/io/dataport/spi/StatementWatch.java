package io.dataport.spi;

/**
 * The watch on one execution of a statement that another thread may stop, from {@link Connector#watch}: the
 * execution of an async task ({@code Database.async()}) whose future is cancelled. Core calls {@link #cancel()}
 * at most once, from the cancelling thread, and only while the execution runs: never after {@link #close()}
 * began. Core closes the watch on the thread that ran the statement, once the execution is over and before the
 * next statement starts on the connection.
 */
public interface StatementWatch extends AutoCloseable {
    /**
     * Stops the execution now, from another thread, so that it fails with an error {@link Connector#classify}
     * calls {@link ErrorKind#TIMEOUT}; the connection stays usable. Best effort, and never throws: a statement
     * that ends first simply ends.
     */
    void cancel();

    /** Ends the watch, on the statement's thread. Called once, and never throws. */
    @Override
    void close();
}
