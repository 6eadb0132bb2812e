package io.dataport;

/**
 * A constraint rejected a change: a foreign key, not-null or check constraint, or (as the subclass
 * {@link DuplicateKeyException}) a primary key or unique constraint.
 */
public class ConstraintViolationException extends StatementException {
    private static final long serialVersionUID = 1L;

    public ConstraintViolationException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
