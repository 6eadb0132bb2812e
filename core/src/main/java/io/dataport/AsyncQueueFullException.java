package io.dataport;

/**
 * Async work was refused because the queue of work waiting for a thread of {@link Database#async()} is full:
 * the application submits work faster than the database finishes it. Nothing of that work ran. Wait for earlier
 * futures before submitting more (back-pressure), answer "busy" (HTTP 503), or raise
 * {@link Database.Builder#asyncQueueCapacity(int)}.
 */
public class AsyncQueueFullException extends DataportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was refused, the queue's capacity and what to do
     */
    public AsyncQueueFullException(String message) {
        super(message);
    }
}
