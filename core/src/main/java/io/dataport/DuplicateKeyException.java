package io.dataport;

/**
 * An insert or update would duplicate a primary key or a unique column. A kind of
 * {@link ConstraintViolationException} (a unique constraint is an integrity constraint, as in SQL's SQLSTATE
 * class 23): catch this type to react to duplicates alone, the parent for any rejected change.
 */
public class DuplicateKeyException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a failed statement.
     *
     * @param message what failed, naming the value and how to fix it
     * @param sql     the SQL of the failing statement, or {@code null} when the failure was not tied to one
     * @param cause   the driver's exception
     */
    public DuplicateKeyException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
