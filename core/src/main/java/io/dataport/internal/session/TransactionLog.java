package io.dataport.internal.session;

import io.dataport.TransactionIsolation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;

/**
 * The transaction events and counts of one Database, category {@value #CATEGORY}: begin (read-only or the
 * level), commit (statements, time), rollback (the cause's type), retry (attempt, reason) at DEBUG; a commit
 * whose outcome is unknown at WARN. Every path that begins or ends a transaction goes through
 * {@link SessionState}, which reports here.
 */
public final class TransactionLog {
    /** The category of the transaction events. */
    public static final String CATEGORY = "io.dataport.transaction";
    private static final Logger LOG = LoggerFactory.getLogger(CATEGORY);

    private final String backend;
    private final LongAdder committed = new LongAdder();
    private final LongAdder rolledBack = new LongAdder();

    /** The log of one Database on {@code backend} (its name, at the start of each line). */
    public TransactionLog(String backend) {
        this.backend = backend;
    }

    void begun(boolean readOnly, TransactionIsolation isolation) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] begin {}", backend, readOnly ? "read-only" : "read-write " + isolation);
        }
    }

    void committed(int statements, long nanos) {
        committed.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] commit after {} statement{}, {}", backend, statements, statements == 1 ? "" : "s",
                    millis(nanos));
        }
    }

    void rolledBack(Throwable cause, long nanos) {
        rolledBack.increment();
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] rollback after {}{}", backend, millis(nanos),
                    cause == null ? "" : ", cause " + cause.getClass().getName());
        }
    }

    void retrying(int attempt, int maxAttempts, Throwable reason, boolean afterBackoff) {
        if (LOG.isDebugEnabled()) {
            LOG.debug("[{}] retry: attempt {} of {} failed ({}: {}), running it again{}", backend, attempt,
                    maxAttempts, reason.getClass().getSimpleName(), reason.getMessage(),
                    afterBackoff ? " after a backoff" : " at once on a new connection");
        }
    }

    void commitOutcomeUnknown(Throwable reason) {
        LOG.warn("[{}] connection lost while committing: the transaction may or may not have been saved ({}: {})",
                backend, reason.getClass().getSimpleName(), reason.getMessage());
    }

    /** Transactions committed. */
    long committedCount() {
        return committed.sum();
    }

    /** Transactions rolled back. */
    long rolledBackCount() {
        return rolledBack.sum();
    }

    private static String millis(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1e6);
    }
}
