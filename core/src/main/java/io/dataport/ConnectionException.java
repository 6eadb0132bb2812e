package io.dataport;

/**
 * The database could not be reached or the connection broke: unreachable host, failed login, a pool with no
 * free connection within the connection timeout, a connection closed by the server or by
 * {@link Database#close()}.
 */
public class ConnectionException extends DataportException {
    private static final long serialVersionUID = 1L;

    public ConnectionException(String message) {
        super(message);
    }

    public ConnectionException(String message, Throwable cause) {
        super(message, cause);
    }
}
