package io.dataport.spi;

/**
 * What a driver's {@link java.sql.SQLException} means, in portable terms. A backend
 * {@linkplain Connector#classify classifies}; core turns the kind into the matching exception type, so the same
 * failure gives the same type on every backend.
 */
public enum ErrorKind {
    /** Unique or primary key violated: {@link io.dataport.DuplicateKeyException}. */
    DUPLICATE_KEY,
    /** Foreign key, not-null or check violated: {@link io.dataport.ConstraintViolationException}. */
    CONSTRAINT_VIOLATION,
    /** A write on a read-only connection or transaction: {@link io.dataport.ReadOnlyException}. */
    READ_ONLY,
    /** Serialization failure, deadlock, busy or locked: retried; {@link io.dataport.TransactionConflictException}. */
    CONFLICT,
    /** A statement in a transaction that already failed: {@link io.dataport.TransactionAbortedException}. */
    TRANSACTION_ABORTED,
    /** Cancelled by a timeout or an interrupt: {@link io.dataport.QueryTimeoutException}. */
    TIMEOUT,
    /** Connection refused, lost, closed or not obtained in time: {@link io.dataport.ConnectionException}. */
    CONNECTION,
    /**
     * Login or configuration problem the application must fix (a wrong or missing password, an unknown user or
     * database, no right to connect): {@link io.dataport.ConnectionException}, with
     * {@link Connector#loginAdvice}'s remedy.
     */
    AUTHENTICATION,
    /** Any other statement failure: {@link io.dataport.StatementException}. */
    OTHER;

    /**
     * Classifies by the class of a standard SQLSTATE (its first two characters, as ISO SQL defines them):
     * {@code 08} connection exception, {@code 23} integrity constraint violation, {@code 28} invalid
     * authorization, {@code 40} transaction rollback (serialization failure). Backends classify their own codes
     * first and fall back to this; {@code null} or an unknown class is {@link #OTHER}.
     *
     * @param state the SQLSTATE, or {@code null}
     * @return the kind
     */
    public static ErrorKind ofStandardSqlState(String state) {
        if (state == null || state.length() < 2) {
            return OTHER;
        }
        switch (state.substring(0, 2)) {
            case "08":
                return CONNECTION;
            case "23":
                return CONSTRAINT_VIOLATION;
            case "28":
                return AUTHENTICATION;
            case "40":
                return CONFLICT;
            default:
                return OTHER;
        }
    }
}
