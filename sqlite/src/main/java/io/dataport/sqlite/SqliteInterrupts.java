package io.dataport.sqlite;

import io.dataport.spi.StatementCache;
import io.dataport.spi.StatementTimeout;
import io.dataport.spi.StatementWatch;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stops SQLite statements: at a statement's query timeout, when an async task's future is cancelled, and when the
 * database closes. sqlite-jdbc's
 * {@code setQueryTimeout} only sets the busy timeout, so a running statement is stopped with
 * {@code sqlite3_interrupt}: it fails with {@code SQLITE_INTERRUPT}, the connection stays usable, and inside an
 * explicit transaction SQLite rolls the whole transaction back when the statement writes (core fails the
 * transaction either way).
 *
 * <p>An interrupt stays in effect until no statement runs on the connection, and sqlite-jdbc keeps one running
 * after each insert: the {@code SELECT last_insert_rowid()} of its generated keys, open until the insert runs
 * again or is closed. So once a deadline fired, the end of its execution closes the connection's idle
 * statements (SQLite prepares them again on demand); the next statement then starts with the interrupt cleared
 * instead of failing too.
 *
 * <p>One daemon thread serves every connection of the database: started with the first timed statement,
 * stopped when the database closes. Two races are closed. A deadline interrupts only while its own execution
 * runs: each execution has its own deadline, which core closes before the next statement starts, and the close
 * waits for an interrupt under way. And {@code sqlite3_interrupt} is undefined on a connection that is closed
 * or closing, so every interrupt and every close of a connection happen under one lock, and no interrupt
 * follows a close. Thread-safe.
 */
final class SqliteInterrupts {
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** Held by each interrupt and each close of a connection. */
    private final Object lock = new Object();
    /** Started by the first timed statement; guarded by {@link #lock}. */
    private ScheduledThreadPoolExecutor scheduler;
    /** Guarded by {@link #lock}. */
    private boolean closed;

    /** Starts the deadline of one execution on {@code connection}, whose statements {@code cache} keeps. */
    StatementTimeout start(Connection connection, StatementCache cache, Duration timeout) {
        ScheduledThreadPoolExecutor timer = scheduler();
        if (timer == null) {
            // The database is closing: its statements are stopped anyway.
            return StatementTimeout.NONE;
        }
        Deadline deadline = new Deadline(connection, cache);
        try {
            deadline.task = timer.schedule(deadline::fire, nanos(timeout), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            return StatementTimeout.NONE;
        }
        return deadline;
    }

    /**
     * Watches one execution on {@code connection} in an async task: cancelling it interrupts the execution the
     * way a deadline does, and its end clears the interrupt the same way.
     */
    StatementWatch watch(Connection connection, StatementCache cache) {
        return new Deadline(connection, cache);
    }

    private ScheduledThreadPoolExecutor scheduler() {
        synchronized (lock) {
            if (scheduler == null && !closed) {
                ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
                    Thread t = new Thread(task, "dataport-sqlite-query-timeout-" + THREADS.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
                // A statement that ends in time cancels its deadline: drop it from the queue at once, so that
                // many fast statements under a long timeout do not pile up.
                timer.setRemoveOnCancelPolicy(true);
                scheduler = timer;
            }
            return scheduler;
        }
    }

    /** Interrupts what runs on {@code connection} now, unless it is closed. */
    void interrupt(Connection connection) {
        synchronized (lock) {
            try {
                if (!connection.isClosed()) {
                    ((SQLiteConnection) connection).getDatabase().interrupt();
                }
            } catch (SQLException | RuntimeException e) {
                // Best effort: the statement runs to its end, or fails on a closed connection.
            }
        }
    }

    /** Closes a connection; no interrupt runs during or after the close. */
    void close(Connection connection) throws SQLException {
        synchronized (lock) {
            connection.close();
        }
    }

    /** Stops the thread: no deadline fires from now on (the database closes, and interrupts what still runs). */
    void shutdown() {
        synchronized (lock) {
            closed = true;
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
    }

    /** Whether the thread is running (for tests). */
    boolean started() {
        synchronized (lock) {
            return scheduler != null && !scheduler.isShutdown();
        }
    }

    /** How many deadlines are waiting (for tests): those of statements still running. */
    int pending() {
        synchronized (lock) {
            return scheduler == null ? 0 : scheduler.getQueue().size();
        }
    }

    private static long nanos(Duration d) {
        try {
            return d.toNanos();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * The deadline of one execution, or its watch in an async task: the token that the interrupt and the end of
     * the execution share.
     */
    private final class Deadline implements StatementTimeout, StatementWatch {
        private final Connection connection;
        private final StatementCache cache;
        /** The timer's task; null for a watch. Set by the statement's thread, which alone cancels it. */
        private ScheduledFuture<?> task;
        /** Guarded by this deadline. */
        private boolean over;
        private boolean fired;

        Deadline(Connection connection, StatementCache cache) {
            this.connection = connection;
            this.cache = cache;
        }

        private synchronized void fire() {
            if (!over) {
                fired = true;
                interrupt(connection);
            }
        }

        /** From the thread that cancels the async task. */
        @Override
        public void cancel() {
            fire();
        }

        /** On the statement's thread, which owns the connection and its statements. */
        @Override
        public void close() {
            boolean interrupted;
            synchronized (this) {
                over = true;
                interrupted = fired;
            }
            if (task != null) {
                task.cancel(false);
            }
            if (interrupted && cache != null) {
                cache.closeIdle();
            }
        }
    }
}
