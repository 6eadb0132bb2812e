package io.dataport.internal.session;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts waits in buckets of doubling width, from 1 µs to about 9 minutes: cheap enough to record every
 * connection wait (two adds), exact to a factor of two in its percentiles, which is what an operator reads
 * them for ("p99 waits 20 ms for the SQLite writer"). Thread-safe.
 */
final class WaitHistogram {
    private static final int BUCKETS = 30;
    private final LongAdder[] counts = new LongAdder[BUCKETS];
    private final AtomicLong max = new AtomicLong();

    WaitHistogram() {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] = new LongAdder();
        }
    }

    void record(long nanos) {
        long micros = Math.max(1, nanos / 1_000);
        int bucket = Math.min(BUCKETS - 1, 63 - Long.numberOfLeadingZeros(micros));
        counts[bucket].increment();
        if (nanos > max.get()) {
            // Rarely true after the first waits: most records never touch the shared maximum.
            max.accumulateAndGet(nanos, Math::max);
        }
    }

    /** The wait that {@code fraction} of all waits do not exceed, to the bucket's upper bound; zero when none. */
    Duration percentile(double fraction) {
        long[] snapshot = new long[BUCKETS];
        long total = 0;
        for (int i = 0; i < BUCKETS; i++) {
            snapshot[i] = counts[i].sum();
            total += snapshot[i];
        }
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(fraction * total);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += snapshot[i];
            if (seen >= rank) {
                return Duration.ofNanos(Math.min(max.get(), (2L << i) * 1_000));
            }
        }
        return Duration.ofNanos(max.get());
    }

    /** The longest wait recorded. */
    Duration max() {
        return Duration.ofNanos(max.get());
    }
}
