package io.dataport;

/**
 * A write was attempted in a read-only transaction or on a read-only {@link Database}.
 */
public class ReadOnlyException extends StatementException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a failed statement.
     *
     * @param message what failed, naming the value and how to fix it
     * @param sql     the SQL of the failing statement, or {@code null} when the failure was not tied to one
     * @param cause   the driver's exception
     */
    public ReadOnlyException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
