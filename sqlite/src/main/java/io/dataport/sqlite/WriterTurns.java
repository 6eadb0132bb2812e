package io.dataport.sqlite;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The turns of SQLite's one writer connection: a fair queue that a thread may skip, for a bounded time. A thread
 * that finds the writer free takes it at once, even with threads queued, as long as none of them has waited
 * longer than a bound ({@link #BARGE_LIMIT_MILLIS}, 10 ms); from then on the writer goes to the queued threads in order, until
 * none has waited that long. Thread-safe.
 *
 * <p>Why: a strictly fair hand-off (the previous design) wakes the next thread at every release, a thread switch
 * per transaction; on 2 cores, 8 threads doing read-then-write transactions (benchmark W9) ran at 0.63 of 8
 * connections with {@code BEGIN IMMEDIATE}, and at 0.89 to 0.93 when the releasing thread could take the writer
 * again. Unbounded skipping (a non-fair lock) let a writer wait 47 ms; the bound keeps waits near it plus the
 * transactions ahead in the queue.
 */
final class WriterTurns {
    /** How long a queued thread may be skipped, by default. */
    static final long BARGE_LIMIT_MILLIS = 10;
    private final long bargeLimitNanos;

    /** Fair: its timed {@code tryLock} queues in order; its untimed {@code tryLock} skips the queue. */
    private final ReentrantLock lock = new ReentrantLock(true);
    /** When each queued thread started waiting. */
    private final Map<Thread, Long> waitingSince = new ConcurrentHashMap<>();

    /** Turns where a queued thread may be skipped for {@link #BARGE_LIMIT_MILLIS}. */
    WriterTurns() {
        this(BARGE_LIMIT_MILLIS);
    }

    /** Turns where a queued thread may be skipped for {@code bargeLimitMillis} (tests). */
    WriterTurns(long bargeLimitMillis) {
        this.bargeLimitNanos = TimeUnit.MILLISECONDS.toNanos(bargeLimitMillis);
    }

    /**
     * Takes the writer's turn: at once when it is free and no queued thread waited too long, else in the queue,
     * waiting at most {@code timeoutMillis}.
     *
     * @return false when the wait timed out
     */
    boolean take(long timeoutMillis) throws InterruptedException {
        if (maySkipTheQueue() && lock.tryLock()) {
            return true;
        }
        Thread me = Thread.currentThread();
        waitingSince.put(me, System.nanoTime());
        try {
            return lock.tryLock(timeoutMillis, TimeUnit.MILLISECONDS);
        } finally {
            waitingSince.remove(me);
        }
    }

    private boolean maySkipTheQueue() {
        return !lock.hasQueuedThreads() || longestWaitNanos() <= bargeLimitNanos;
    }

    /** Gives the turn back. */
    void giveBack() {
        lock.unlock();
    }

    boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    boolean isTaken() {
        return lock.isLocked();
    }

    /** How many threads wait for a turn. */
    int waiting() {
        return lock.getQueueLength();
    }

    /** How long the longest-waiting queued thread has waited, in nanoseconds; 0 with none. */
    long longestWaitNanos() {
        long now = System.nanoTime();
        long longest = 0;
        for (long since : waitingSince.values()) {
            longest = Math.max(longest, now - since);
        }
        return longest;
    }
}
