package io.dataport;

/**
 * A transaction lost a race with a concurrent one: a serialization failure or a deadlock, a database busy or
 * locked by another writer; each backend says which of its errors these are.
 *
 * <p>Dataport retries the whole transaction callback when this happens, up to
 * {@link Database.Builder#maxAttempts(int)} times; you see this exception only when the attempts ran out
 * ({@link #attempts()} says how many were made) or when the failure happened where a retry is not safe.
 */
public class TransactionConflictException extends StatementException {
    private static final long serialVersionUID = 1L;

    /** How many times the transaction was attempted; part of the serialized form. */
    private final int attempts;

    /**
     * Creates the exception for a conflict met on the first attempt.
     *
     * @param message what failed, naming the value and how to fix it
     * @param sql     the SQL of the failing statement, or {@code null} when the failure was not tied to one
     * @param cause   the driver's exception
     */
    public TransactionConflictException(String message, String sql, Throwable cause) {
        this(message, sql, cause, 1);
    }

    /**
     * Creates the exception for a conflict that remained after some attempts.
     *
     * @param message  what failed, naming the value and how to fix it
     * @param sql      the SQL of the failing statement, or {@code null} when the failure was not tied to one
     * @param cause    the driver's exception
     * @param attempts how many times the transaction was attempted, 1 or more
     */
    public TransactionConflictException(String message, String sql, Throwable cause, int attempts) {
        super(message, sql, cause);
        this.attempts = attempts;
    }

    /** {@return how many times the transaction was attempted before this exception was thrown} */
    public int attempts() {
        return attempts;
    }
}
