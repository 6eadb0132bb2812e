package io.dataport.spi;

import java.sql.SQLTransientConnectionException;

/**
 * Thrown by {@link Connector#acquire} when every connection stayed in use for the whole connection timeout:
 * the pool is exhausted, the server is fine. Core adds who holds the connections to the message it shows.
 *
 * <pre>{@code throw new NoConnectionFreeException("Pool exhausted: none of 8 connections free within 30000 ms. Raise maxPoolSize.");}</pre>
 */
public class NoConnectionFreeException extends SQLTransientConnectionException {
    private static final long serialVersionUID = 1L;

    /**
     * An exhausted pool.
     *
     * @param message what the pool waited for and how long, and what to change, as a sentence
     */
    public NoConnectionFreeException(String message) {
        super(message);
    }

    /**
     * An exhausted pool, with the pool's own exception.
     *
     * @param message what the pool waited for and how long, and what to change, as a sentence
     * @param cause   the pool's exception
     */
    public NoConnectionFreeException(String message, Throwable cause) {
        super(message, cause);
    }
}
