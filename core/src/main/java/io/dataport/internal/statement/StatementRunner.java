package io.dataport.internal.statement;

import io.dataport.DatabaseConfig;
import io.dataport.DataportException;
import io.dataport.StatementListener;
import io.dataport.TransactionAbortedException;
import io.dataport.internal.session.Lifecycle;
import io.dataport.internal.session.SessionState;
import io.dataport.spi.Connector;
import io.dataport.spi.StatementCache;
import io.dataport.spi.StatementTimeout;
import io.dataport.spi.StatementWatch;
import io.dataport.spi.ValueCodec;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Runs statements under one set of rules, whichever way they come: Dataport's own statements (the
 * repository's, run here with plain JDBC) and the application's Jdbi statements (whose hooks,
 * {@link StatementHooks} and {@link CachingStatementBuilder}, call the same methods). The steps, each in one
 * place: guard ({@link #beforeExecution}: same thread, session open, transaction not failed, the statement
 * counted), cache ({@link #prepare}/{@link #giveBack} on the connection's {@link StatementCache}), bind
 * ({@link BoundStatement}, with the backend's {@link ValueCodec}), execute under the query timeout and an async
 * task's cancel ({@link #startExecution}/{@link #endExecution}), translate ({@link #failed}). This is where
 * statement logging and metrics hook in. Thread-safe; one per Database.
 *
 * <p>Why plain JDBC for Dataport's own statements: a fixed statement whose binding and reading the codec
 * already does costs less than going through Jdbi's statement machinery (configuration copies, argument
 * factory lookup, result iterables), which costs more than SQLite takes to run the statement.
 */
public final class StatementRunner {
    private final Connector connector;
    private final ValueCodec codec;
    private final ErrorTranslator errors;
    private final boolean showParameterValues;
    private final StatementListener listener;
    /** The query timeout, and the same in nanoseconds: 0 when statements run without one. */
    private final Duration queryTimeout;
    private final long queryTimeoutNanos;
    private final Lifecycle lifecycle;
    private final StatementLog log;

    /** The runner of one Database, with the database's settings. */
    public StatementRunner(Connector connector, ErrorTranslator errors, DatabaseConfig config, Lifecycle lifecycle) {
        this.connector = connector;
        this.codec = connector.codec();
        this.errors = errors;
        this.showParameterValues = config.showParameterValues();
        this.listener = config.statementListener();
        this.queryTimeout = config.queryTimeout();
        this.queryTimeoutNanos = nanos(queryTimeout);
        this.lifecycle = lifecycle;
        this.log = new StatementLog(connector.dialect().name(), config.logStatements(),
                nanos(config.slowStatementThreshold()));
    }

    /** A Jdbi binding as the log may show it: its text with {@code showParameterValues}, else null. */
    String shown(Object binding) {
        return showParameterValues ? String.valueOf(binding) : null;
    }

    /** The SQL log and statement counts of this Database. */
    public StatementLog log() {
        return log;
    }

    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** The JDBC work on a prepared statement: bind, execute, read. It closes any result set it opens. */
    @FunctionalInterface
    public interface Work<R> {
        /** Runs the work. */
        R run(BoundStatement statement) throws SQLException;
    }

    /** The error translator of this Database. */
    public ErrorTranslator errors() {
        return errors;
    }

    /** Guards a statement before it runs, on every path: the session's rules, then counts it. */
    public void beforeExecution(SessionState state, String sql) {
        state.checkUsable();
        if (state.isFailed()) {
            // PostgreSQL's rule, applied on every backend.
            throw new TransactionAbortedException(state.refusal(ErrorTranslator.cut(sql)), sql, null);
        }
        state.statementStarted();
        if (listener != null) {
            listener.beforeExecution(sql);
        }
    }

    /**
     * Starts what watches a statement about to execute, on every path: the database's query timeout (the
     * backend's {@link Connector#startTimeout}) and, in an async task, the watch that lets a cancel stop it
     * ({@link Connector#watch}); the session holds them until {@link #endExecution} or {@link #failed}.
     *
     * @return the execution's number, for {@link SessionState#endExecution(long)}; 0 when nothing was started
     */
    public long startExecution(SessionState state, Statement statement, String sql) throws SQLException {
        boolean cancellable = state.isCancellable();
        if (queryTimeoutNanos == 0 && !cancellable) {
            return 0;
        }
        long started = System.nanoTime();
        StatementTimeout running = queryTimeoutNanos == 0 ? null
                : connector.startTimeout(state.connection(), statement, queryTimeout);
        StatementWatch watching = cancellable ? connector.watch(state.connection(), statement) : null;
        return state.executionStarted(running, watching, started, sql);
    }

    /** Ends what {@link #startExecution} started on the statement that executed on the session. */
    public void endExecution(SessionState state) {
        if (queryTimeoutNanos != 0 || state.isCancellable()) {
            state.endExecution();
        }
    }

    /**
     * The portable exception for a statement that failed, on every path: ends its query timeout and watch, marks the
     * transaction failed and words the error, with the bound values only when the database shows them. A
     * timeout after the statement ran for the database's whole query timeout is worded as that timeout's; once
     * the database is closed, the closed-database error (a stream read on after {@code close()}, on any backend).
     *
     * @param state      the session, or null outside one
     * @param parameters the bound values as text, or null
     */
    public DataportException failed(SessionState state, SQLException e, String sql, String parameters) {
        Duration ranOut = null;
        if (state != null) {
            long ran = state.endExecution();
            if (queryTimeoutNanos != 0 && ran >= queryTimeoutNanos) {
                ranOut = queryTimeout;
            }
            state.markFailed();
        }
        DataportException translated = errors.translate(e, sql, showParameterValues ? parameters : null, ranOut);
        return (DataportException) lifecycle.closedUnder(translated);
    }

    /**
     * The cache key of a statement: the SQL, and how generated keys are returned (they change what the driver
     * prepares).
     *
     * @param keyColumns the generated-key columns asked for, or null; empty for "keys, driver's choice"
     */
    public static String cacheKey(String sql, String[] keyColumns) {
        if (keyColumns == null) {
            return sql;
        }
        return keyColumns.length == 0 ? "keys\u0000" + sql : "keys\u0000" + String.join(",", keyColumns) + "\u0000" + sql;
    }

    /** A statement for {@code key}: the one kept in {@code cache} (may be null), or a new one. */
    public PreparedStatement prepare(StatementCache cache, String key, StatementCache.Preparer preparer)
            throws SQLException {
        return cache == null ? preparer.prepare() : cache.borrow(key, preparer);
    }

    /** Gives a statement back to {@code cache} (may be null) or closes it. */
    public void giveBack(StatementCache cache, PreparedStatement statement) {
        try {
            if (cache == null || !cache.giveBack(statement)) {
                statement.close();
            }
        } catch (SQLException e) {
            // The statement is done either way; a broken connection fails its next use.
        }
    }

    /** Runs {@code work} on the statement for {@code sql} on the session's connection. */
    public <R> R run(SessionState state, String sql, Work<R> work) {
        return run(state, sql, null, work);
    }

    /**
     * Runs {@code work} on the statement for {@code sql}, prepared to return the generated values of
     * {@code keyColumns} (null: none) through {@link PreparedStatement#getGeneratedKeys()}.
     */
    public <R> R run(SessionState state, String sql, String[] keyColumns, Work<R> work) {
        beforeExecution(state, sql);
        StatementCache cache = state.statementCache();
        Connection connection = state.connection();
        PreparedStatement statement = null;
        BoundStatement bound = null;
        boolean timed = log.timed();
        long start = timed ? System.nanoTime() : 0;
        try {
            statement = prepare(cache, cacheKey(sql, keyColumns), () -> keyColumns == null
                    ? connection.prepareStatement(sql) : connection.prepareStatement(sql, keyColumns));
            bound = new BoundStatement(statement, codec, showParameterValues);
            startExecution(state, statement, sql);
            R result = work.run(bound);
            log.executed(sql, timed ? System.nanoTime() - start : 0, bound.rows(), bound.batched(), bound.shownValues());
            return result;
        } catch (SQLException e) {
            String values = bound == null ? null : bound.shownValues();
            DataportException failure = failed(state, e, sql, values);
            log.failed(sql, timed ? System.nanoTime() - start : 0, failure, values);
            throw failure;
        } finally {
            endExecution(state);
            if (statement != null) {
                giveBack(cache, statement);
            }
        }
    }
}
