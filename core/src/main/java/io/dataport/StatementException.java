package io.dataport;

/**
 * A SQL statement failed. The message carries the SQL (cut at a length) and, only when
 * {@link Database.Builder#showParameterValues(boolean)} is on, the bound values.
 *
 * <p>Subclasses name the failures an application usually reacts to.
 */
public class StatementException extends DataportException {
    private static final long serialVersionUID = 1L;

    /** The SQL of the failing statement, or {@code null}; part of the serialized form. */
    private final String sql;

    /**
     * Creates the exception for a failed statement.
     *
     * @param message what failed, naming the value and how to fix it
     * @param sql     the SQL of the failing statement, or {@code null} when the failure was not tied to one
     * @param cause   the driver's exception
     */
    public StatementException(String message, String sql, Throwable cause) {
        super(message, cause);
        this.sql = sql;
    }

    /** {@return the SQL of the failing statement, or {@code null} when the failure was not tied to one} */
    public String sql() {
        return sql;
    }
}
