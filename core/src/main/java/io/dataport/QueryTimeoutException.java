package io.dataport;

/**
 * A statement was cancelled: by a timeout, the database's {@link Database.Builder#queryTimeout} or one the
 * database itself has (PostgreSQL {@code statement_timeout}), or because the future of the async work it ran in
 * was cancelled ({@link Database#async()}). Not retried; a transaction it ran in has failed.
 */
public class QueryTimeoutException extends StatementException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a failed statement.
     *
     * @param message what failed, naming the value and how to fix it
     * @param sql     the SQL of the failing statement, or {@code null} when the failure was not tied to one
     * @param cause   the driver's exception
     */
    public QueryTimeoutException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
