package io.dataport;

/**
 * A SQL statement failed. The message carries the SQL (cut at a length) and, only when
 * {@link Database.Builder#showParameterValues(boolean)} is on, the bound values.
 *
 * <p>Subclasses name the failures an application usually reacts to.
 */
public class StatementException extends DataportException {
    private static final long serialVersionUID = 1L;

    private final String sql;

    public StatementException(String message, String sql, Throwable cause) {
        super(message, cause);
        this.sql = sql;
    }

    /** The SQL of the failing statement, or {@code null} when the failure was not tied to one. */
    public String sql() {
        return sql;
    }
}
