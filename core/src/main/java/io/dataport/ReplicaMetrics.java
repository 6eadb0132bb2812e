package io.dataport;

import java.time.Duration;

/**
 * One read replica in {@link DatabaseMetrics#replicas()}: whether it serves reads now, how far behind it was at
 * its last check, and how many reads it served and times it was taken out since the database opened.
 *
 * <pre>{@code db.metrics().replicas().forEach(r -> log.info("{} serving={} lag={}", r.name(), r.serving(), r.lag()));}</pre>
 *
 * @param name              the replica, as {@code host:port}
 * @param serving           whether it serves reads now
 * @param lag               how far behind the primary it was at its last check; null when it could not be checked
 * @param reads             read-only units of work it served
 * @param removals          times it was taken out (down, lagging, or no longer a standby)
 * @param notServingBecause why it serves no reads now, or null while it serves
 */
public record ReplicaMetrics(String name, boolean serving, Duration lag, long reads, long removals,
                             String notServingBecause) {
}
