package io.dataport;

/**
 * A constraint rejected a change: a foreign key, not-null or check constraint, or (as the subclass
 * {@link DuplicateKeyException}) a primary key or unique constraint.
 */
public class ConstraintViolationException extends StatementException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a failed statement.
     *
     * @param message what failed, naming the value and how to fix it
     * @param sql     the SQL of the failing statement, or {@code null} when the failure was not tied to one
     * @param cause   the driver's exception
     */
    public ConstraintViolationException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
