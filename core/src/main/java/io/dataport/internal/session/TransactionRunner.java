package io.dataport.internal.session;

import io.dataport.ConnectionException;
import io.dataport.DataportException;
import io.dataport.Database;
import io.dataport.DatabaseConfig;
import io.dataport.DatabaseMetrics;
import io.dataport.SessionCallback;
import io.dataport.ReadOnlyException;
import io.dataport.StatementException;
import io.dataport.TransactionConflictException;
import io.dataport.TransactionIsolation;
import io.dataport.internal.repository.Repositories;
import io.dataport.internal.statement.ErrorTranslator;
import io.dataport.internal.statement.StatementLog;
import io.dataport.internal.util.Sneaky;
import io.dataport.spi.Access;
import io.dataport.spi.Connector;
import io.dataport.spi.NoConnectionFreeException;
import io.dataport.spi.PoolState;
import org.jdbi.v3.core.Jdbi;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * Runs all work of one Database: transactions (read-write, read-only, at an isolation level), plain sessions,
 * and the repository's single statements. One loop for all of them — acquire, begin, run, commit — and one
 * {@link RetryPolicy} that decides, from the classified failure and what the attempt did, whether it runs
 * again. Work opened on a thread that already has a session joins it. Thread-safe.
 */
public final class TransactionRunner {
    private final Database database;
    private final Connector connector;
    private final Jdbi jdbi;
    private final Repositories repositories;
    private final Lifecycle lifecycle;
    private final ErrorTranslator errors;
    private final RetryPolicy policy;
    private final boolean readOnlyDatabase;
    private final TransactionIsolation defaultIsolation;
    /**
     * Whether a unit of work of any Database runs on this thread: one of another Database started inside it
     * is not retried on its own, since the outer one runs it again as a whole (else attempts multiply).
     */
    private static final ThreadLocal<Boolean> UNIT_RUNNING = new ThreadLocal<>();
    private final ThreadLocal<DataportSession> current = new ThreadLocal<>();
    private final LongAdder retries = new LongAdder();
    private final ConnectionHolders holders;
    private final StatementLog statementLog;
    private final TransactionLog transactions;
    private final int maxAttempts;
    /** Threads waiting for a connection now: an adder, since every acquisition counts in and out. */
    private final LongAdder waiting = new LongAdder();
    private final LongAdder connectionsTaken = new LongAdder();
    private final WaitHistogram connectionWaits = new WaitHistogram();
    private final WaitHistogram writerWaits = new WaitHistogram();

    /** The runner of one Database. */
    public TransactionRunner(Database database, DatabaseConfig config, Connector connector, Jdbi jdbi,
                             Repositories repositories, Lifecycle lifecycle, ErrorTranslator errors,
                             StatementLog statementLog, TransactionLog transactions) {
        this.statementLog = statementLog;
        this.transactions = transactions;
        this.maxAttempts = config.maxAttempts();
        this.database = database;
        this.connector = connector;
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.lifecycle = lifecycle;
        this.errors = errors;
        this.policy = new RetryPolicy(config.maxAttempts(), config.retryBackoff(), errors);
        this.readOnlyDatabase = config.readOnly();
        this.defaultIsolation = config.isolation();
        this.holders = new ConnectionHolders(config.leakDetection());
    }

    /** One attempt of a unit of work; it records the session it got in {@code attempt}. */
    @FunctionalInterface
    private interface Unit<R> {
        R run(Attempt attempt) throws Throwable;
    }

    /** What one attempt got: its session, once it had a connection. */
    private static final class Attempt {
        SessionState state;
    }

    /** What this Database did since it opened, and its connections now. */
    public DatabaseMetrics metrics(String backend) {
        PoolState pool = connector.poolState();
        return new DatabaseMetrics(backend, pool.max(), pool.active(), pool.idle(), (int) waiting.sum(),
                transactions.committedCount(), transactions.rolledBackCount(), retries.sum(),
                statementLog.executedCount(), statementLog.slowCount(), connectionsTaken.sum(),
                connectionWaits.percentile(0.5), connectionWaits.percentile(0.99), writerWaits.percentile(0.5),
                writerWaits.percentile(0.99), writerWaits.max(), List.copyOf(connector.replicas()),
                connector.readsOnPrimary());
    }

    /** How many times work was run again, since the database was opened. */
    public long retryCount() {
        return retries.sum();
    }

    /**
     * Runs {@code callback} in a transaction: read-only for {@link Access#READ_ONLY}, else read-write at exactly
     * {@code isolation} (null: the database's default). Joins the session open on this thread, if any.
     */
    public <R, X extends Exception> R inTransaction(Access access, TransactionIsolation isolation,
                                                    SessionCallback<R, X> callback) throws X {
        return inTransaction(access, isolation, true, callback);
    }

    /**
     * Runs a repository operation like {@link #inTransaction}, but joined to an open transaction it is a
     * statement, not a nested transaction: an exception of its own (not found, stale version) leaves that
     * transaction usable.
     */
    public <R> R repositoryOperation(Access access, Function<SessionState, R> work) {
        return inTransaction(access, null, false, s -> work.apply(((DataportSession) s).state()));
    }

    private <R, X extends Exception> R inTransaction(Access access, TransactionIsolation isolation, boolean nested,
                                                     SessionCallback<R, X> callback) throws X {
        boolean readOnly = access == Access.READ_ONLY;
        DataportSession joined = current.get();
        if (joined != null) {
            return join(joined, readOnly, isolation, nested, callback);
        }
        return run(true, attempt -> inSession(open(access, attempt, true, ConnectionHolders.Kind.TRANSACTION),
                session -> transaction(session, readOnly, isolation, callback)));
    }

    /** Runs {@code callback} in a session outside any transaction; joins the open one. Not run again. */
    public <R, X extends Exception> R withSession(SessionCallback<R, X> callback) throws X {
        DataportSession joined = current.get();
        if (joined != null) {
            joined.state().checkUsable();
            return callback.withSession(joined);
        }
        return run(false, attempt -> inSession(open(Access.READ_WRITE, attempt, true, ConnectionHolders.Kind.SESSION),
                callback::withSession));
    }

    /**
     * Runs one statement of Dataport's own (a find by id, an insert): in the session open on this thread, if
     * any; else on a connection borrowed for it alone, without a Jdbi handle or session object (they cost more
     * than SQLite takes to find a row). A read runs without BEGIN and COMMIT (one statement reads one
     * consistent state); a write too where the backend {@linkplain Connector#autoCommitsSafely() auto-commits
     * safely}, else in a transaction of its own. The rules of {@link #inTransaction} hold: run again on
     * conflict or on a connection found dead before anything ran, never after a commit whose outcome is
     * unknown.
     */
    public <R> R oneStatement(Access access, Function<SessionState, R> work) {
        DataportSession joined = current.get();
        if (joined != null) {
            return join(joined, access == Access.READ_ONLY, null, false, s -> work.apply(joined.state()));
        }
        return run(true, attempt -> {
            SessionState state = acquire(access, attempt);
            R result;
            boolean autoCommitWrite = access != Access.READ_ONLY && connector.autoCommitsSafely();
            long start = System.nanoTime();
            try {
                result = access == Access.READ_ONLY || autoCommitWrite ? work.apply(state)
                        : state.transaction(readOnlyDatabase, null, () -> work.apply(state));
            } catch (Throwable t) {
                if (autoCommitWrite) {
                    transactions.rolledBack(t, System.nanoTime() - start);
                }
                release(state, t);
                throw t;
            }
            if (autoCommitWrite) {
                // A write in auto-commit is a transaction of one statement: counted as the backends that wrap it
                // in BEGIN and COMMIT count theirs.
                transactions.committed(1, System.nanoTime() - start);
            }
            release(state, null);
            return result;
        });
    }

    /**
     * The session a repository stream reads through: the one open on this thread, or else a read-only
     * transaction of its own, held until the stream is closed and confined to this thread. It is not made the
     * thread's current session, so other work on the thread runs in transactions of its own meanwhile.
     */
    public StreamLease openStream() {
        DataportSession joined = current.get();
        if (joined != null) {
            joined.state().checkUsable();
            return StreamLease.inOwnSession(joined.state());
        }
        return run(false, attempt -> {
            DataportSession session = open(Access.READ_ONLY, attempt, false, ConnectionHolders.Kind.STREAM);
            // A stream reads in chunks, one statement each: a read-only transaction reads one snapshot on every
            // backend (PostgreSQL: REPEATABLE READ READ ONLY), so all chunks see the same rows.
            try {
                session.state().begin(true);
            } catch (Throwable t) {
                close(session, t, false);
                throw t;
            }
            return new StreamLease() {
                private boolean released;

                @Override
                public SessionState state() {
                    return session.state();
                }

                @Override
                public void release() {
                    if (!released) {
                        released = true;
                        Throwable failure = close(session, null, false);
                        if (failure != null) {
                            throw Sneaky.<RuntimeException>rethrow(failure);
                        }
                    }
                }
            };
        });
    }

    /**
     * A connection for {@link ConnectionDataSource}, taken as a read-write transaction's is (read-only on a
     * read-only database) and counted as held until {@link #giveBack}. Failures are SQLExceptions, as JDBC
     * users expect; the cause is Dataport's exception.
     */
    SessionState lend() throws SQLException {
        try {
            lifecycle.checkOpen();
            return acquire(readOnlyDatabase ? Access.READ_ONLY : Access.READ_WRITE, new Attempt(),
                    ConnectionHolders.Kind.DATA_SOURCE);
        } catch (DataportException e) {
            throw new SQLException(e.getMessage(), e);
        }
    }

    /** Gives back a connection of {@link #lend}. */
    void giveBack(SessionState state) throws SQLException {
        holders.remove(state);
        state.release();
    }

    /** Work on a session that {@link #inSession} closes. */
    @FunctionalInterface
    private interface SessionWork<R> {
        R run(DataportSession session) throws Throwable;
    }

    /** Runs {@code work} on {@code session} and closes the session, whatever happens. */
    private <R> R inSession(DataportSession session, SessionWork<R> work) throws Throwable {
        R result;
        try {
            result = work.run(session);
        } catch (Throwable t) {
            close(session, t, true);
            throw t;
        }
        Throwable closing = close(session, null, true);
        if (closing != null) {
            throw closing;
        }
        return result;
    }

    /** The one loop: runs an attempt, and asks the policy whether a failed one runs again. */
    private <R, X extends Exception> R run(boolean retryable, Unit<R> unit) throws X {
        if (UNIT_RUNNING.get() != null) {
            return attempts(retryable, true, unit);
        }
        UNIT_RUNNING.set(Boolean.TRUE);
        try {
            return attempts(retryable, false, unit);
        } finally {
            UNIT_RUNNING.remove();
        }
    }

    /** The attempts of one unit; {@code insideAnother}: inside another Database's unit, conflicts are not retried. */
    private <R, X extends Exception> R attempts(boolean retryable, boolean insideAnother, Unit<R> unit) throws X {
        for (int n = 1; ; n++) {
            lifecycle.checkOpen();
            Attempt attempt = new Attempt();
            Throwable failure;
            try {
                return unit.run(attempt);
            } catch (Throwable t) {
                failure = lifecycle.closedUnder(errors.translateEscaped(t));
            }
            if (lifecycle.isClosed() || Cancellation.cancelledHere()) {
                // Closed, or the async work was cancelled: never run again.
                throw Sneaky.<X>rethrow(failure);
            }
            RetryPolicy.Decision decision = policy.decide(failure, attempt.state, n, retryable);
            if (insideAnother && (decision == RetryPolicy.Decision.RETRY_AFTER_BACKOFF
                    || decision == RetryPolicy.Decision.GIVE_UP)) {
                throw notRetriedInside(failure);
            }
            switch (decision) {
                case RETRY_NOW:
                    retries.increment();
                    transactions.retrying(n, maxAttempts, failure, false);
                    continue;
                case RETRY_AFTER_BACKOFF:
                    retries.increment();
                    transactions.retrying(n, maxAttempts, failure, true);
                    try {
                        policy.backoff(n);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw Sneaky.<X>rethrow(failure);
                    }
                    continue;
                case GIVE_UP:
                    throw gaveUp(n, failure);
                case COMMIT_UNKNOWN:
                    transactions.commitOutcomeUnknown(failure);
                    throw new ConnectionException("Connection lost while committing: the transaction may or may "
                            + "not have been saved. Check before running it again, or make it idempotent.", failure);
                default:
                    throw Sneaky.<X>rethrow(failure);
            }
        }
    }

    private <R, X extends Exception> R transaction(DataportSession session, boolean readOnly,
                                                   TransactionIsolation isolation, SessionCallback<R, X> callback)
            throws Throwable {
        return session.state().transaction(readOnly, isolation, () -> callback.withSession(session));
    }

    /**
     * Runs work in the session open on this thread. In its transaction: a write in a read-only one is refused,
     * and, for a nested transaction ({@code rollbackOnlyOnFailure}), a callback that throws leaves the outer
     * transaction rollback-only, so its "rolls back when it throws" holds even when the outer callback catches
     * the exception. A repository statement ({@code false}) follows the statement rule instead: a failed
     * statement fails the transaction, an exception of its own (not found, stale version) does not.
     */
    private <R, X extends Exception> R join(DataportSession session, boolean readOnly, TransactionIsolation isolation,
                                            boolean rollbackOnlyOnFailure, SessionCallback<R, X> callback) throws X {
        SessionState state = session.state();
        state.checkUsable();
        if (state.isInTransaction()) {
            if (!readOnly && state.isReadOnly()) {
                throw new ReadOnlyException("Write refused: the transaction open on this thread is read-only "
                        + "(inReadOnlyTransaction), so a write or a read-write transaction cannot join it. Start the "
                        + "outer transaction with inTransaction instead of inReadOnlyTransaction.", null, null);
            }
            if (!rollbackOnlyOnFailure) {
                return callback.withSession(session);
            }
            try {
                return callback.withSession(session);
            } catch (Throwable t) {
                state.markInnerFailed();
                throw t;
            }
        }
        // A plain session (withSession) is open on this thread: run the transaction on its connection.
        try {
            return transaction(session, readOnly || state.isReadOnly(), isolation, callback);
        } catch (Throwable t) {
            throw Sneaky.<X>rethrow(errors.translateEscaped(t));
        }
    }

    private SessionState acquire(Access access, Attempt attempt) throws SQLException {
        return acquire(readOnlyDatabase ? Access.READ_ONLY : access, attempt, ConnectionHolders.Kind.STATEMENT);
    }

    /** The one place work takes a connection: it is counted as held by {@code kind} until released. */
    private SessionState acquire(Access access, Attempt attempt, ConnectionHolders.Kind kind) throws SQLException {
        SessionState state;
        // Every read-write wait is timed (on SQLite, the writer's turn); read-only ones 1 in 16, enough for
        // their percentiles, so that a find by id does not pay two clock readings.
        boolean timed = access == Access.READ_WRITE || ThreadLocalRandom.current().nextInt(16) == 0;
        long start = timed ? System.nanoTime() : 0;
        waiting.increment();
        try {
            state = SessionState.acquire(connector, access, readOnlyDatabase, defaultIsolation, transactions);
        } catch (NoConnectionFreeException e) {
            throw new ConnectionException(e.getMessage() + " " + holders.describe(), e);
        } finally {
            waiting.decrement();
        }
        connectionsTaken.increment();
        if (timed) {
            long waited = System.nanoTime() - start;
            connectionWaits.record(waited);
            if (access == Access.READ_WRITE) {
                writerWaits.record(waited);
            }
            statementLog.waited(waited, access == Access.READ_WRITE);
        }
        holders.add(state, kind);
        attempt.state = state;
        return state;
    }

    private DataportSession open(Access access, Attempt attempt, boolean makeCurrent, ConnectionHolders.Kind kind)
            throws SQLException {
        SessionState state = acquire(access, attempt, kind);
        DataportSession session = new DataportSession(database, jdbi, repositories, state);
        if (makeCurrent) {
            current.set(session);
        }
        return session;
    }

    /**
     * Ends a session: rolls back what is still open, closes its handle and gives the connection back. A
     * failure there is thrown when the work succeeded, attached to the work's failure when it did not, and
     * dropped once the database is closed. Returns it for the caller to throw, when it has no failure of its
     * own to attach it to.
     */
    private Throwable close(DataportSession session, Throwable failure, boolean wasCurrent) {
        if (wasCurrent) {
            current.remove();
        }
        Throwable closing = null;
        try {
            session.state().rollback();
            session.closeHandle();
        } catch (SQLException | RuntimeException e) {
            closing = e;
        }
        holders.remove(session.state());
        try {
            session.state().release();
        } catch (SQLException e) {
            closing = closing == null ? e : closing;
        }
        return settle(closing, failure);
    }

    private void release(SessionState state, Throwable failure) {
        Throwable closing = null;
        holders.remove(state);
        try {
            state.release();
        } catch (SQLException e) {
            closing = e;
        }
        Throwable thrown = settle(closing, failure);
        if (thrown != null) {
            throw Sneaky.<RuntimeException>rethrow(thrown);
        }
    }

    private Throwable settle(Throwable closing, Throwable failure) {
        if (closing == null || lifecycle.isClosed()) {
            return null;
        }
        if (failure != null) {
            if (failure != closing) {
                failure.addSuppressed(closing);
            }
            return null;
        }
        return closing instanceof SQLException ? errors.translate((SQLException) closing, null, null) : closing;
    }

    private static TransactionConflictException notRetriedInside(Throwable failure) {
        return new TransactionConflictException(failure.getMessage() + " Not retried here: this thread is inside "
                + "a transaction of another Database, which runs again as a whole.",
                failure instanceof StatementException ? ((StatementException) failure).sql() : null, failure, 1);
    }

    private TransactionConflictException gaveUp(int attempts, Throwable failure) {
        return new TransactionConflictException("Transaction gave up after " + attempts
                + (attempts == 1 ? " attempt" : " attempts") + ", each conflicting with a concurrent transaction: "
                + failure.getMessage() + " Raise Database.builder(url).maxAttempts(n), shorten the "
                + "transaction, or lock rows in the same order everywhere.",
                failure instanceof StatementException ? ((StatementException) failure).sql() : null,
                failure, attempts);
    }
}
