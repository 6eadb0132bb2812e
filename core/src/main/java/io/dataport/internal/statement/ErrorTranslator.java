package io.dataport.internal.statement;

import io.dataport.ConnectionException;
import io.dataport.ConstraintViolationException;
import io.dataport.DataportException;
import io.dataport.DuplicateKeyException;
import io.dataport.QueryTimeoutException;
import io.dataport.ReadOnlyException;
import io.dataport.StatementException;
import io.dataport.TransactionAbortedException;
import io.dataport.TransactionConflictException;
import io.dataport.spi.Connector;
import io.dataport.spi.ErrorKind;
import org.jdbi.v3.core.JdbiException;

import java.sql.SQLException;
import java.time.Duration;

/**
 * Turns driver and Jdbi exceptions into Dataport's portable ones, with messages that leak no values: the
 * backend's {@link Connector} says what a driver error means, this class words it. One per Database.
 */
public final class ErrorTranslator {
    static final int MAX_SQL_IN_MESSAGE = 500;

    private final Connector connector;
    private final boolean showValues;

    /**
     * The translator for the errors of one connector.
     *
     * @param showValues whether messages may show values the server quoted (showParameterValues)
     */
    public ErrorTranslator(Connector connector, boolean showValues) {
        this.connector = connector;
        this.showValues = showValues;
    }

    /** The SQL for a message: one line, cut at a length. */
    public static String cut(String sql) {
        if (sql == null) {
            return "";
        }
        String flat = sql.strip().replaceAll("\\s+", " ");
        return flat.length() <= MAX_SQL_IN_MESSAGE ? flat : flat.substring(0, MAX_SQL_IN_MESSAGE) + "...";
    }

    /** Translates a driver exception; {@code sql} and {@code parameters} may be null. */
    public DataportException translate(SQLException e, String sql, String parameters) {
        return translate(e, sql, parameters, null);
    }

    /**
     * Translates the driver exception of a statement; {@code sql} and {@code parameters} may be null.
     *
     * @param ranOut the database's query timeout when the statement ran for all of it, else null: a timeout is
     *               then that one's
     */
    public DataportException translate(SQLException error, String sql, String parameters, Duration ranOut) {
        ErrorKind kind = connector.classify(error);
        SQLException e = showValues ? error : connector.withoutValues(error);
        String reason = firstLine(e.getMessage());
        String where = sql == null ? "" : " SQL: " + cut(sql) + (parameters == null ? "" : " Parameters: " + parameters);
        switch (kind) {
            case DUPLICATE_KEY:
                return new DuplicateKeyException("Duplicate key: " + reason + "." + where, sql, e);
            case CONSTRAINT_VIOLATION:
                return new ConstraintViolationException("Constraint violated: " + reason + "." + where, sql, e);
            case READ_ONLY:
                return new ReadOnlyException("Write refused, the transaction or database is read-only: " + reason
                        + ". Write in Database.inTransaction on a Database not opened read-only." + where, sql, e);
            case CONFLICT:
                return new TransactionConflictException("Transaction conflicted with a concurrent one: " + reason + "."
                        + where, sql, e);
            case TRANSACTION_ABORTED:
                return new TransactionAbortedException("Statement refused: an earlier statement in this transaction "
                        + "failed, so the transaction can only roll back. Let the exception leave the transaction "
                        + "callback, or roll back to a savepoint." + where, sql, e);
            case TIMEOUT:
                if (ranOut != null) {
                    return new QueryTimeoutException("Statement ran longer than the configured queryTimeout: "
                            + (ranOut.toMillis() > 0 ? ranOut.toMillis() + " ms" : ranOut) + ", so it was stopped ("
                            + reason + "). Make it faster, or raise the limit with "
                            + "Database.builder(url).queryTimeout(duration) (Duration.ZERO for none)." + where, sql, e);
                }
                return new QueryTimeoutException("Statement cancelled (by a timeout, or a cancel of the async work "
                        + "it ran in): " + reason + "." + where, sql, e);
            case CONNECTION:
                return new ConnectionException("Database connection failed: " + reason + rootCause(e)
                        + ". Check that the database is up and reachable; the next transaction gets a new connection."
                        + where, e);
            case AUTHENTICATION:
                String advice = connector.loginAdvice(error);
                return new ConnectionException("Database login failed: " + reason + ". " + (advice != null ? advice
                        : "Check the user, password and database name in the URL or builder."), e);
            default:
                return new StatementException("Statement failed: " + reason + "." + where, sql, e);
        }
    }

    /**
     * Translates what escaped a unit of work: a driver error, or a Jdbi exception caused by one, becomes the
     * portable type; anything else comes back unchanged.
     */
    public Throwable translateEscaped(Throwable t) {
        if (t instanceof SQLException) {
            return translate((SQLException) t, null, null);
        }
        if (t instanceof JdbiException && !(t instanceof DataportException)) {
            Throwable cause = t.getCause();
            if (cause instanceof SQLException) {
                return translate((SQLException) cause, null, null);
            }
        }
        return t;
    }

    /** Whether a conflict (retry-worthy) is anywhere in the cause chain. */
    public boolean isConflict(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof TransactionConflictException) {
                return true;
            }
            if (c instanceof SQLException && connector.classify((SQLException) c) == ErrorKind.CONFLICT) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    /**
     * The innermost cause, when it says more than the driver's summary (an unknown host, a refused port); nothing
     * when it says the same.
     */
    static String rootCause(Throwable t) {
        Throwable root = t;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root == t || root.getMessage() == null || firstLine(root.getMessage()).equals(firstLine(t.getMessage()))) {
            return "";
        }
        return " (" + root.getClass().getSimpleName() + ": " + firstLine(root.getMessage()) + ")";
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        String s = message.strip();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl).strip();
        while (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        return s;
    }
}
