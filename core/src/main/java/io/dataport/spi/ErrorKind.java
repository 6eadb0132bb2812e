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
    /** Login or configuration problem the application must fix: {@link io.dataport.ConnectionException}. */
    AUTHENTICATION,
    /** Any other statement failure: {@link io.dataport.StatementException}. */
    OTHER;

    /**
     * Classifies by the standard SQLSTATE, which PostgreSQL and most drivers set. Backends whose driver does not
     * set SQLSTATE (SQLite) classify by their own codes first and fall back to this.
     */
    public static ErrorKind fromSqlState(String state) {
        if (state == null || state.length() < 2) {
            return OTHER;
        }
        switch (state) {
            case "23505":
                return DUPLICATE_KEY;
            case "25006":
                return READ_ONLY;
            case "40001":
            case "40P01":
            case "55P03":
                return CONFLICT;
            case "25P02":
                return TRANSACTION_ABORTED;
            case "57014":
                return TIMEOUT;
            case "57P01":
            case "57P02":
            case "57P03":
                return CONNECTION;
            case "28000":
            case "28P01":
            case "3D000":
                return AUTHENTICATION;
            default:
                break;
        }
        switch (state.substring(0, 2)) {
            case "23":
                return CONSTRAINT_VIOLATION;
            case "08":
                return CONNECTION;
            case "40":
                return CONFLICT;
            default:
                return OTHER;
        }
    }
}
