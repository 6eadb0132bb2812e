package io.dataport;

/**
 * The database could not be reached or the connection broke: unreachable host, failed login, a pool with no
 * free connection within the connection timeout, a connection closed by the server or by
 * {@link Database#close()}.
 */
public class ConnectionException extends DataportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed, naming the value and how to fix it
     */
    public ConnectionException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the exception that caused it.
     *
     * @param message what failed, naming the value and how to fix it
     * @param cause   the underlying exception, usually the driver's
     */
    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
