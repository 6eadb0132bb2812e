package io.dataport;

/**
 * A foreign key, not-null or check constraint rejected a change.
 */
public class ConstraintViolationException extends StatementException {
    private static final long serialVersionUID = 1L;

    public ConstraintViolationException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
