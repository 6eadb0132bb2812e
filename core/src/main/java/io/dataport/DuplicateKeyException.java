package io.dataport;

/**
 * An insert or update would duplicate a primary key or a unique column. A kind of
 * {@link ConstraintViolationException} (a unique constraint is an integrity constraint, as in SQL's SQLSTATE
 * class 23): catch this type to react to duplicates alone, the parent for any rejected change.
 */
public class DuplicateKeyException extends ConstraintViolationException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
