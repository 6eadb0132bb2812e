package io.dataport;

/**
 * A statement was cancelled by a timeout (PostgreSQL {@code statement_timeout}, an interrupt).
 */
public class QueryTimeoutException extends StatementException {
    private static final long serialVersionUID = 1L;

    public QueryTimeoutException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
