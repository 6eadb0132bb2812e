package io.dataport;

import java.time.Duration;
import java.util.List;

/**
 * A snapshot of what a {@link Database} did since it opened and of its connections now, the same on every
 * backend. Counts only grow; take two snapshots and subtract for a rate. The optional
 * {@code dataport-micrometer} module publishes them as meters.
 *
 * <pre>{@code
 * DatabaseMetrics m = db.metrics();
 * log.info("{} commits, {} retries, p99 writer wait {}", m.transactionsCommitted(), m.transactionsRetried(),
 *         m.writerWaitP99());
 * }</pre>
 *
 * @param backend               the backend's name ({@code sqlite}, {@code postgres})
 * @param maxConnections        the most connections the database holds (SQLite: the readers and the writer)
 * @param activeConnections     connections in use now
 * @param idleConnections       connections open and free now
 * @param threadsWaiting        threads waiting for a connection now (on SQLite, most often for the writer)
 * @param transactionsCommitted transactions committed: read-only ones included, and a single repository write
 *                              outside a transaction counted as one on every backend
 * @param transactionsRolledBack transactions rolled back (each failed attempt of a retried one included)
 * @param transactionsRetried   attempts run again after a conflict or a dead connection ({@link Database#retryCount()})
 * @param statementsExecuted    statements run: Dataport's own and the application's, a batch counted once
 * @param slowStatements        statements that took longer than {@link Database.Builder#slowStatementThreshold}
 *                              (0 while no threshold is set)
 * @param connectionsTaken      connections taken
 * @param connectionWaitP50     the median time taken to get a connection (read-only waits sampled 1 in 16)
 * @param connectionWaitP99     the 99th percentile of the time taken to get a connection
 * @param writerWaitP50         the median time a read-write transaction waited for its connection (the
 *                              SQLite writer's turn)
 * @param writerWaitP99         the 99th percentile of that wait
 * @param writerWaitMax         the longest such wait
 * @param replicas              the read replicas ({@link Database.Builder#replica}), empty without them
 * @param readsOnPrimary        read-only units of work that went to the primary because no replica could serve
 *                              them (down, lagging, or behind the thread's own last write); 0 without replicas
 */
public record DatabaseMetrics(String backend, int maxConnections, int activeConnections, int idleConnections,
                              int threadsWaiting, long transactionsCommitted, long transactionsRolledBack,
                              long transactionsRetried, long statementsExecuted, long slowStatements,
                              long connectionsTaken, Duration connectionWaitP50, Duration connectionWaitP99,
                              Duration writerWaitP50, Duration writerWaitP99, Duration writerWaitMax,
                              List<ReplicaMetrics> replicas, long readsOnPrimary) {
}
