package io.dataport.internal.session;

import io.dataport.ConnectionException;
import io.dataport.internal.statement.ErrorTranslator;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Whether failed work runs again, decided in one place from the classified failure and what is known about
 * the attempt: did it get a connection, did any statement run, was a commit sent. Like Go's
 * {@code database/sql}: the backend classifies, one rule decides. Immutable.
 */
final class RetryPolicy {
    /** What to do after a failed attempt. */
    enum Decision {
        /** Rethrow the failure. */
        FAIL,
        /** The connection was dead before anything ran: run again at once, on another connection. */
        RETRY_NOW,
        /** A conflict with a concurrent transaction: run again after a backoff. */
        RETRY_AFTER_BACKOFF,
        /** A conflict, and the attempts ran out. */
        GIVE_UP,
        /** The connection broke after the commit was sent: the outcome is unknown, never run again. */
        COMMIT_UNKNOWN
    }

    private final int maxAttempts;
    private final long firstBackoffNanos;
    private final ErrorTranslator errors;

    RetryPolicy(int maxAttempts, Duration firstBackoff, ErrorTranslator errors) {
        this.maxAttempts = maxAttempts;
        this.firstBackoffNanos = firstBackoff.toNanos();
        this.errors = errors;
    }

    int maxAttempts() {
        return maxAttempts;
    }

    /**
     * Decides after attempt number {@code attempt} failed.
     *
     * @param state     the attempt's session, or null when it got no connection
     * @param retryable whether the work may run again at all (a transaction, a single statement); a plain
     *                  session is not
     */
    Decision decide(Throwable failure, SessionState state, int attempt, boolean retryable) {
        if (!retryable) {
            return Decision.FAIL;
        }
        if (failure instanceof ConnectionException && state != null) {
            if (state.commitSent()) {
                return Decision.COMMIT_UNKNOWN;
            }
            if (state.nothingDoneYet() && !timedOut(failure) && attempt < maxAttempts) {
                return Decision.RETRY_NOW;
            }
        }
        if (!errors.isConflict(failure)) {
            return Decision.FAIL;
        }
        return attempt >= maxAttempts ? Decision.GIVE_UP : Decision.RETRY_AFTER_BACKOFF;
    }

    /** The pause before the next attempt: doubling from the first backoff, at most 1 s, with jitter. */
    void backoff(int attempt) throws InterruptedException {
        long ceiling = Math.min(firstBackoffNanos << Math.min(attempt - 1, 16), TimeUnit.SECONDS.toNanos(1));
        long pause = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        TimeUnit.NANOSECONDS.sleep(pause);
    }

    /**
     * Whether a connection failure is a silent network (a socket timeout), not a dead connection: another
     * connection would wait as long.
     */
    private static boolean timedOut(Throwable failure) {
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }
}
