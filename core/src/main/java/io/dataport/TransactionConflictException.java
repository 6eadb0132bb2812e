package io.dataport;

/**
 * A transaction lost a race with a concurrent one: PostgreSQL serialization failure ({@code 40001}) or deadlock
 * ({@code 40P01}), SQLite busy or locked.
 *
 * <p>Dataport retries the whole transaction callback when this happens, up to
 * {@link Database.Builder#maxAttempts(int)} times; you see this exception only when the attempts ran out
 * ({@link #attempts()} says how many were made) or when the failure happened where a retry is not safe.
 */
public class TransactionConflictException extends StatementException {
    private static final long serialVersionUID = 1L;

    private final int attempts;

    public TransactionConflictException(String message, String sql, Throwable cause) {
        this(message, sql, cause, 1);
    }

    public TransactionConflictException(String message, String sql, Throwable cause, int attempts) {
        super(message, sql, cause);
        this.attempts = attempts;
    }

    /** How many times the transaction was attempted before this exception was thrown. */
    public int attempts() {
        return attempts;
    }
}
