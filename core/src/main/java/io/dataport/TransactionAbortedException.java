package io.dataport;

/**
 * A statement ran in a transaction in which an earlier statement had already failed.
 *
 * <p>PostgreSQL refuses every statement after a failure until the transaction ends; Dataport applies the same
 * rule on SQLite, so code behaves the same after a URL switch. Let the exception leave the transaction callback
 * (it rolls back) or, to go on, roll back to a savepoint taken before the failing statement.
 */
public class TransactionAbortedException extends StatementException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception for a failed statement.
     *
     * @param message what failed, naming the value and how to fix it
     * @param sql     the SQL of the failing statement, or {@code null} when the failure was not tied to one
     * @param cause   the driver's exception
     */
    public TransactionAbortedException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
