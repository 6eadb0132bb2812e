package io.dataport.spi;

/**
 * The watch on one execution of a statement that another thread may stop, from {@link Connector#watch}: the
 * execution of an async task ({@code Database.async()}) whose future is cancelled. Core calls {@link #cancel()}
 * from another thread, and only while the execution runs: never after {@link #close()} began; first from the
 * cancelling thread, then again every 100 ms while the execution goes on, since a driver drops a cancel that
 * comes before the statement reached the database. Core closes the watch on the thread that ran the statement,
 * once the execution is over and before the next statement starts on the connection.
 */
public interface StatementWatch extends AutoCloseable {
    /**
     * Stops the execution now, from another thread, so that it fails with an error {@link Connector#classify}
     * calls {@link ErrorKind#TIMEOUT}; the connection stays usable. Best effort, and never throws: a statement
     * that ends first simply ends. May be called again while the execution goes on.
     */
    void cancel();

    /** Ends the watch, on the statement's thread. Called once, and never throws. */
    @Override
    void close();
}
