package io.dataport.micrometer;

import io.dataport.Database;
import io.dataport.DatabaseMetrics;
import io.dataport.ReplicaMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Tags;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * The meters of one {@link Database} in a Micrometer {@link MeterRegistry}: {@link Database#metrics()} read
 * each time the registry publishes, under conventional names, plus HikariCP's own meters on PostgreSQL.
 *
 * <pre>{@code DataportMeters meters = DataportMeters.bind(db, registry, Tags.of("db", "users"));}</pre>
 *
 * <p>Every meter carries the tags passed and {@code backend} ({@code sqlite}, {@code postgres}; Dataport's
 * value wins over a {@code backend} tag passed). Counters (Micrometer {@link FunctionCounter}s; Prometheus adds
 * {@code _total}):
 * <ul>
 *   <li>{@code dataport.transactions}, tag {@code outcome=committed|rolled_back} (read-only transactions
 *       included; each failed attempt of a retried transaction is a rollback)</li>
 *   <li>{@code dataport.transactions.retried}: attempts run again after a conflict or a dead connection</li>
 *   <li>{@code dataport.statements}: statements run, a batch counted once; {@code dataport.statements.slow}:
 *       those over {@link Database.Builder#slowStatementThreshold}</li>
 *   <li>{@code dataport.connections.acquired}: connections taken</li>
 * </ul>
 * Gauges: {@code dataport.connections.max}, {@code .active}, {@code .idle} and {@code .pending} (threads
 * waiting for a connection; on SQLite mostly for the writer); in seconds, {@code dataport.connections.wait.p50}
 * and {@code .p99} (the time taken to get a connection) and {@code dataport.writer.wait.p50}, {@code .p99} and
 * {@code .max} (the time a read-write transaction waited for its connection: on SQLite, the writer's turn).
 * The percentiles are Dataport's own, over the database's life, exact to a factor of two.
 *
 * <p>With read replicas ({@link Database.Builder#replica}), per replica (tag {@code replica=host:port}):
 * gauges {@code dataport.replica.serving} (1 or 0) and {@code dataport.replica.lag} (seconds, at its last
 * check), counters {@code dataport.replica.reads} and {@code dataport.replica.removals}; and the counter
 * {@code dataport.reads.primary}, read-only work the primary served because no replica could.
 *
 * <p>On PostgreSQL, when HikariCP and its Micrometer support are on the class path, {@code bind} also gives the
 * running pool HikariCP's {@code MicrometerMetricsTrackerFactory} for this registry: the {@code hikaricp.*}
 * meters ({@code hikaricp.connections}, {@code .acquire}, {@code .usage}, {@code .timeout}, ...), tagged with
 * HikariCP's {@code pool} name ({@code dataport-postgres-N}) only. HikariCP allows one tracker per pool, set once:
 * when the pool has one already (an earlier {@code bind}, to this or another registry), this is skipped with an
 * INFO log in {@code io.dataport.micrometer} and {@link #hikariMeters()} is false; Dataport's own meters are
 * registered all the same. A tracker cannot be taken off a running pool, so HikariCP's meters stay after
 * {@link #close()}, until the database closes and HikariCP removes them.
 *
 * <p>Bind a database once per registry (a second binding with the same tags shares the first one's meters, and
 * closing either removes them). The meters hold the database weakly, as Micrometer's do: they do not keep it
 * from being collected. A binding is thread-safe.
 */
public final class DataportMeters implements AutoCloseable {
    /** HikariCP with its Micrometer support on the class path: only then is {@link HikariMeters} loaded. */
    private static final boolean HIKARI = present("com.zaxxer.hikari.HikariDataSource")
            && present("com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory");

    private final MeterRegistry registry;
    private final List<Meter> meters;
    private final boolean hikariMeters;
    private final AtomicBoolean closed = new AtomicBoolean();

    private DataportMeters(MeterRegistry registry, List<Meter> meters, boolean hikariMeters) {
        this.registry = registry;
        this.meters = List.copyOf(meters);
        this.hikariMeters = hikariMeters;
    }

    /**
     * Registers the meters of {@code db} in {@code registry}, tagged with {@code backend} only.
     *
     * <pre>{@code DataportMeters meters = DataportMeters.bind(db, registry);}</pre>
     *
     * @param db       the database to measure
     * @param registry where to register the meters
     * @return the binding, whose {@link #close()} removes Dataport's meters
     */
    public static DataportMeters bind(Database db, MeterRegistry registry) {
        return bind(db, registry, Tags.empty());
    }

    /**
     * Registers the meters of {@code db} in {@code registry}, tagged with {@code tags} and {@code backend}; a
     * {@code db} or {@code name} tag tells several databases apart.
     *
     * <pre>{@code DataportMeters meters = DataportMeters.bind(db, registry, Tags.of("db", "users"));}</pre>
     *
     * @param db       the database to measure
     * @param registry where to register the meters
     * @param tags     tags for every meter (not for HikariCP's)
     * @return the binding, whose {@link #close()} removes Dataport's meters
     */
    public static DataportMeters bind(Database db, MeterRegistry registry, Iterable<Tag> tags) {
        Objects.requireNonNull(db, "db");
        Objects.requireNonNull(registry, "registry");
        Tags common = Tags.of(Objects.requireNonNull(tags, "tags")).and("backend", db.backend());
        List<Meter> meters = new ArrayList<>();

        meters.add(counter("dataport.transactions", "Transactions ended, by outcome", db,
                DatabaseMetrics::transactionsCommitted).tags(common).tag("outcome", "committed").register(registry));
        meters.add(counter("dataport.transactions", "Transactions ended, by outcome", db,
                DatabaseMetrics::transactionsRolledBack).tags(common).tag("outcome", "rolled_back").register(registry));
        meters.add(counter("dataport.transactions.retried",
                "Transaction attempts run again after a conflict or a dead connection", db,
                DatabaseMetrics::transactionsRetried).tags(common).register(registry));
        meters.add(counter("dataport.statements", "Statements run, a batch counted once", db,
                DatabaseMetrics::statementsExecuted).tags(common).register(registry));
        meters.add(counter("dataport.statements.slow", "Statements slower than the slow statement threshold", db,
                DatabaseMetrics::slowStatements).tags(common).register(registry));
        meters.add(counter("dataport.connections.acquired", "Connections taken", db,
                DatabaseMetrics::connectionsTaken).tags(common).register(registry));

        meters.add(gauge("dataport.connections.max", "The most connections the database holds", db,
                DatabaseMetrics::maxConnections).tags(common).register(registry));
        meters.add(gauge("dataport.connections.active", "Connections in use", db,
                DatabaseMetrics::activeConnections).tags(common).register(registry));
        meters.add(gauge("dataport.connections.idle", "Connections open and free", db,
                DatabaseMetrics::idleConnections).tags(common).register(registry));
        meters.add(gauge("dataport.connections.pending", "Threads waiting for a connection", db,
                DatabaseMetrics::threadsWaiting).tags(common).register(registry));

        meters.add(seconds("dataport.connections.wait.p50", "Median time taken to get a connection", db,
                DatabaseMetrics::connectionWaitP50).tags(common).register(registry));
        meters.add(seconds("dataport.connections.wait.p99", "99th percentile of the time taken to get a connection",
                db, DatabaseMetrics::connectionWaitP99).tags(common).register(registry));
        meters.add(seconds("dataport.writer.wait.p50",
                "Median time a read-write transaction waited for its connection", db,
                DatabaseMetrics::writerWaitP50).tags(common).register(registry));
        meters.add(seconds("dataport.writer.wait.p99",
                "99th percentile of the time a read-write transaction waited for its connection", db,
                DatabaseMetrics::writerWaitP99).tags(common).register(registry));
        meters.add(seconds("dataport.writer.wait.max",
                "Longest time a read-write transaction waited for its connection", db,
                DatabaseMetrics::writerWaitMax).tags(common).register(registry));

        List<ReplicaMetrics> replicas = db.metrics().replicas();
        if (!replicas.isEmpty()) {
            meters.add(counter("dataport.reads.primary",
                    "Read-only work sent to the primary because no replica could serve it", db,
                    DatabaseMetrics::readsOnPrimary).tags(common).register(registry));
        }
        for (int i = 0; i < replicas.size(); i++) {
            int at = i;
            Tags replica = common.and("replica", replicas.get(i).name());
            meters.add(Gauge.builder("dataport.replica.serving", db, d -> replica(d, at).serving() ? 1 : 0)
                    .description("Whether the replica serves reads (1) or is taken out (0)").tags(replica)
                    .register(registry));
            meters.add(Gauge.builder("dataport.replica.lag", db, d -> {
                Duration lag = replica(d, at).lag();
                return lag == null ? Double.NaN : lag.toNanos() / 1e9;
            }).description("How far the replica was behind the primary at its last check").baseUnit("seconds")
                    .tags(replica).register(registry));
            meters.add(FunctionCounter.builder("dataport.replica.reads", db, d -> replica(d, at).reads())
                    .description("Read-only work the replica served").tags(replica).register(registry));
            meters.add(FunctionCounter.builder("dataport.replica.removals", db, d -> replica(d, at).removals())
                    .description("Times the replica was taken out").tags(replica).register(registry));
        }

        boolean hikari = HIKARI && HikariMeters.bind(db, registry);
        return new DataportMeters(registry, meters, hikari);
    }

    /**
     * Dataport's meters registered by this binding (not HikariCP's).
     *
     * @return the meters, unmodifiable
     */
    public List<Meter> meters() {
        return meters;
    }

    /**
     * Whether this binding gave the PostgreSQL pool HikariCP's Micrometer tracker: false on SQLite, without
     * HikariCP on the class path, or when the pool had a tracker already.
     *
     * @return whether the {@code hikaricp.*} meters were wired by this binding
     */
    public boolean hikariMeters() {
        return hikariMeters;
    }

    /** Removes Dataport's meters from the registry; HikariCP's stay until the database closes. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            meters.forEach(registry::remove);
        }
    }

    private static ReplicaMetrics replica(Database db, int index) {
        return db.metrics().replicas().get(index);
    }

    private static FunctionCounter.Builder<Database> counter(String name, String description, Database db,
                                                            ToDoubleFunction<DatabaseMetrics> value) {
        return FunctionCounter.builder(name, db, d -> value.applyAsDouble(d.metrics())).description(description);
    }

    private static Gauge.Builder<Database> gauge(String name, String description, Database db,
                                                ToDoubleFunction<DatabaseMetrics> value) {
        return Gauge.builder(name, db, d -> value.applyAsDouble(d.metrics())).description(description);
    }

    private static Gauge.Builder<Database> seconds(String name, String description, Database db,
                                                  Function<DatabaseMetrics, Duration> value) {
        return Gauge.builder(name, db, d -> value.apply(d.metrics()).toNanos() / 1e9).description(description)
                .baseUnit("seconds");
    }

    private static boolean present(String className) {
        try {
            Class.forName(className, false, DataportMeters.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
