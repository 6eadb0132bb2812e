package io.dataport.internal.statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The SQL log and the statement counts of one Database: every statement the {@link StatementRunner} runs, on
 * every path, reaches it once. Category {@value #SQL_CATEGORY} at DEBUG (INFO with {@code logStatements}):
 * backend, elapsed time, rows, batch size, the SQL, and the bound values only with {@code showParameterValues};
 * category {@value #SLOW_CATEGORY} at WARN for statements and connection waits over the slow threshold. When
 * the level is off and no threshold is set, a statement costs a counter increment and two comparisons.
 */
public final class StatementLog {
    /** The statements' category. */
    public static final String SQL_CATEGORY = "io.dataport.sql";
    /** The slow statements' and slow waits' category. */
    public static final String SLOW_CATEGORY = "io.dataport.sql.slow";
    private static final Logger SQL = LoggerFactory.getLogger(SQL_CATEGORY);
    private static final Logger SLOW = LoggerFactory.getLogger(SLOW_CATEGORY);

    private final String backend;
    private final boolean echo;
    private final long slowNanos;
    private final LongAdder executed = new LongAdder();
    private final LongAdder slow = new LongAdder();

    /**
     * The log of one Database.
     *
     * @param backend   the backend's name, at the start of each line
     * @param echo      log statements at INFO instead of DEBUG
     * @param slowNanos the slow threshold, 0 for none
     */
    public StatementLog(String backend, boolean echo, long slowNanos) {
        this.backend = backend;
        this.echo = echo;
        this.slowNanos = slowNanos;
    }

    private boolean enabled() {
        return echo ? SQL.isInfoEnabled() : SQL.isDebugEnabled();
    }

    /**
     * Whether statements need timing: the log is on or a slow threshold is set. Otherwise a statement costs a
     * counter increment and no clock reading (two readings cost about 50 to 100 ns on a virtual machine).
     */
    boolean timed() {
        return slowNanos > 0 || enabled();
    }

    /**
     * A statement that ran: counted, logged when the category is on, and at WARN when slow.
     *
     * @param rows    the rows affected or read, -1 when not counted
     * @param batched the rows of a batch, 0 when it was no batch
     * @param values  the bound values as text, or null when they are not shown
     */
    void executed(String sql, long nanos, long rows, int batched, String values) {
        executed.increment();
        boolean isSlow = slowNanos > 0 && nanos >= slowNanos;
        if (isSlow) {
            slow.increment();
        }
        if (isSlow && SLOW.isWarnEnabled()) {
            SLOW.warn("Slow statement [{}] {}: {}", backend, outcome(nanos, rows, batched), text(sql, values));
        }
        if (enabled()) {
            String line = "[" + backend + "] " + outcome(nanos, rows, batched) + ": " + text(sql, values);
            if (echo) {
                SQL.info(line);
            } else {
                SQL.debug(line);
            }
        }
    }

    /** A statement that failed: counted, and logged with the failure's type (its message goes to the caller). */
    void failed(String sql, long nanos, Throwable failure, String values) {
        executed.increment();
        if (enabled()) {
            String line = "[" + backend + "] " + millis(nanos) + ", failed (" + failure.getClass().getSimpleName()
                    + "): " + text(sql, values);
            if (echo) {
                SQL.info(line);
            } else {
                SQL.debug(line);
            }
        }
    }

    /** A connection wait: at WARN in the slow category when over the threshold. */
    public void waited(long nanos, boolean forWrite) {
        if (slowNanos > 0 && nanos >= slowNanos && SLOW.isWarnEnabled()) {
            SLOW.warn("Slow connection wait [{}]: {} for a {} connection: {}", backend, millis(nanos),
                    forWrite ? "read-write" : "read-only", forWrite
                            ? "other write transactions held it (one writer at a time on SQLite); shorten them"
                            : "all connections were in use; shorten transactions or raise maxPoolSize");
        }
    }

    /** Statements run (a batch once), failed ones included. */
    public long executedCount() {
        return executed.sum();
    }

    /** Statements over the slow threshold. */
    public long slowCount() {
        return slow.sum();
    }

    private static String outcome(long nanos, long rows, int batched) {
        String time = millis(nanos);
        if (batched > 0) {
            return time + ", batch of " + batched + (rows >= 0 ? ", " + rows + (rows == 1 ? " row" : " rows") : "");
        }
        return rows >= 0 ? time + ", " + rows + (rows == 1 ? " row" : " rows") : time;
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }

    private static String text(String sql, String values) {
        String flat = ErrorTranslator.cut(sql);
        return values == null ? flat : flat + " values " + values;
    }
}
