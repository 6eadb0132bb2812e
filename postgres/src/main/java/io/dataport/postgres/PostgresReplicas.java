package io.dataport.postgres;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseConfig;
import io.dataport.ReplicaMetrics;
import io.dataport.TransactionIsolation;
import io.dataport.hikari.ServerPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * The read replicas of one PostgreSQL Database: streaming standbys, each with a pool of its own, that serve the
 * read-only work ({@link #acquire()}) while the primary serves the rest.
 *
 * <p>A replica's connections default to READ COMMITTED, not the database's level: a hot standby refuses
 * SERIALIZABLE, even for one statement. Its read-only transactions are REPEATABLE READ, as on the primary.
 *
 * <p>Health: a replica serves reads only while it is up, in recovery (a standby; one that was promoted is no
 * replica any more) and at most {@code maxReplicaLag} behind. One thread checks every replica on a connection of
 * its own, several times within the lag bound (every second at most); a replica whose pool cannot connect is
 * taken out at once. Each removal and return is logged in the category {@code io.dataport.replicas}.
 *
 * <p>Read-your-writes, at no cost to a commit: each check first takes the primary's WAL position
 * ({@code pg_current_wal_lsn()}) and the time just before it, then each replica's replayed position
 * ({@code pg_last_wal_replay_lsn()}); a replica that has replayed the sampled position holds every commit that
 * ended before that time. A thread that committed a write reads only from a replica known to hold a time after
 * its commit, else from the primary: for about one to two check intervals after each write. A token
 * ({@link #lastWriteToken()}) is the primary's position when it is asked for, which is at or after the thread's
 * commit; reads after it go to a replica that has replayed it. Thread-safe.
 */
final class PostgresReplicas implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.dataport.replicas");
    private static final AtomicInteger CHECKERS = new AtomicInteger();
    /** The primary's WAL position. */
    static final String POSITION = "SELECT (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint";
    /** A standby's state: in recovery, replayed position, and lag in ms (0 when it has replayed all it got). */
    private static final String CHECK = "SELECT pg_is_in_recovery(), "
            + "(pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint, "
            + "CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0 "
            + "ELSE COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - pg_last_xact_replay_timestamp()) * 1000, 0) END";
    /** A replica's pool waits no longer for a connection: its reads go to the primary instead. */
    private static final Duration REPLICA_CONNECTION_TIMEOUT = Duration.ofSeconds(1);

    private final List<Replica> replicas = new ArrayList<>();
    private final long maxLagMillis;
    private final boolean readYourWrites;
    private final ScheduledExecutorService checker;
    private final AtomicInteger next = new AtomicInteger();
    /**
     * What this thread's reads must see: [0] the time its last write committed ({@link System#nanoTime()}; 0 for
     * none), [1] the WAL position of a token it was given (0 for none).
     */
    private final ThreadLocal<long[]> mustSee = ThreadLocal.withInitial(() -> new long[2]);
    /** Opens a connection to the primary, for the checks' samples and the tokens. */
    private final ServerPool.DirectConnect primary;
    /** The checks' connection to the primary; guarded by {@link #sampleLock}. */
    private Connection sampling;
    private final Object sampleLock = new Object();
    private final LongAdder primaryReads = new LongAdder();

    PostgresReplicas(DatabaseConfig config, PostgresUrl primaryUrl, ServerPool.DirectConnect primary, String setup,
                     Function<PostgresUrl, ServerPool.DirectConnect> direct) {
        this.primary = primary;
        this.maxLagMillis = config.maxReplicaLag().toMillis();
        this.readYourWrites = config.readYourWrites();
        for (String given : config.replicas()) {
            PostgresUrl url = primaryUrl.replica(given);
            ServerPool pool = ServerPool.start("PostgreSQL replica " + url.hosts(), config,
                    PostgresConnector.DEFAULT_POOL_SIZE, REPLICA_CONNECTION_TIMEOUT,
                    TransactionIsolation.READ_COMMITTED, url.jdbcUrl, url.user,
                    url.password, url.properties, setup, direct.apply(url));
            replicas.add(new Replica(url.hosts(), pool, direct.apply(url)));
        }
        long interval = Math.max(100, Math.min(1000, maxLagMillis / 4));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread t = new Thread(task, "dataport-replica-check-" + CHECKERS.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        timer.scheduleWithFixedDelay(this::checkAll, interval, interval, TimeUnit.MILLISECONDS);
        this.checker = timer;
    }

    /**
     * Checks every replica, once: samples the primary's position, then asks each replica for its state. Run by
     * the checker, and at open on the opening thread, so that reads go to the replicas from the start.
     */
    void checkAll() {
        long sampledAt = System.nanoTime();
        long position = primaryPosition();
        for (Replica r : replicas) {
            r.check(sampledAt, position);
        }
    }

    /** The primary's WAL position now, on the checks' own connection; 0 when the primary cannot tell. */
    private long primaryPosition() {
        synchronized (sampleLock) {
            try {
                if (sampling == null || sampling.isClosed()) {
                    sampling = primary.open();
                }
                return position(sampling);
            } catch (SQLException | RuntimeException e) {
                closeQuietly(sampling);
                sampling = null;
                return 0;
            }
        }
    }

    private static long position(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(POSITION)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException e) {
                // It is gone either way.
            }
        }
    }

    /**
     * A connection to a replica that may serve this thread's reads now, in turn; null when none may, so that the
     * read goes to the primary.
     */
    Connection acquire() throws SQLException {
        long[] must = mustSee.get();
        int n = replicas.size();
        int start = Math.floorMod(next.getAndIncrement(), n);
        for (int i = 0; i < n; i++) {
            Replica r = replicas.get((start + i) % n);
            if (!r.usable || readYourWrites && must[0] != 0 && r.holdsUntil - must[0] <= 0
                    || r.replayed < must[1]) {
                continue;
            }
            Connection c;
            try {
                c = r.pool.acquire();
            } catch (SQLException e) {
                r.out("its pool could not connect: " + e.getMessage());
                continue;
            }
            r.reads.increment();
            return c;
        }
        primaryReads.increment();
        return null;
    }

    /** A read-write transaction of this thread committed: with read-your-writes, its reads must see it. */
    void committed() {
        mustSee.get()[0] = System.nanoTime();
    }

    /**
     * The token of this thread's last commit: the primary's WAL position now (at or after the commit), as
     * PostgreSQL writes an LSN; null when the thread committed none.
     */
    String lastWriteToken() throws SQLException {
        return mustSee.get()[0] == 0 ? null : lsn(primaryPositionForToken());
    }

    private long primaryPositionForToken() throws SQLException {
        try (Connection c = primary.open()) {
            return position(c);
        }
    }

    private static String lsn(long position) {
        return Long.toHexString(position >>> 32).toUpperCase(Locale.ROOT) + "/"
                + Long.toHexString(position & 0xFFFFFFFFL).toUpperCase(Locale.ROOT);
    }

    /** Makes this thread's reads see the position of {@code token}, an LSN such as {@code 16/B374D848}. */
    void readAfter(String token) {
        long position;
        int slash = token.indexOf('/');
        try {
            if (slash < 1) {
                throw new NumberFormatException(token);
            }
            position = (Long.parseLong(token.substring(0, slash), 16) << 32)
                    | Long.parseLong(token.substring(slash + 1), 16);
        } catch (NumberFormatException e) {
            throw new ConfigurationException("Invalid read-after token '" + token + "': pass what "
                    + "Database.lastWriteToken() returned, such as 16/B374D848.");
        }
        long[] must = mustSee.get();
        must[1] = Math.max(must[1], position);
    }

    /** Reads that went to the primary because no replica could serve them. */
    long primaryReads() {
        return primaryReads.sum();
    }

    /** What each replica is and did, for the metrics. */
    List<ReplicaMetrics> metrics() {
        List<ReplicaMetrics> list = new ArrayList<>();
        for (Replica r : replicas) {
            long lag = r.lagMillis;
            list.add(new ReplicaMetrics(r.name, r.usable, lag < 0 ? null : Duration.ofMillis(lag), r.reads.sum(),
                    r.removals.sum(), r.usable ? null : r.outBecause));
        }
        return list;
    }


    @Override
    public void close() {
        checker.shutdownNow();
        for (Replica r : replicas) {
            r.close();
        }
        synchronized (sampleLock) {
            closeQuietly(sampling);
            sampling = null;
        }
    }

    /** One replica: its pool, its check connection, and what the last check found. */
    final class Replica {
        final String name;
        final ServerPool pool;
        private final ServerPool.DirectConnect direct;
        /** Whether it serves reads; written by the checker and by a failed acquire. */
        volatile boolean usable;
        /** The WAL position it has replayed, as far as known. */
        volatile long replayed;
        /**
         * The latest check time ({@link System#nanoTime()}) whose primary position it had replayed: it holds every
         * commit that ended before then. 0 until a check shows one.
         */
        volatile long holdsUntil;
        /** Its lag at the last check, in ms; -1 when it could not be checked. */
        volatile long lagMillis = -1;
        /** Why it serves no reads, or null. */
        volatile String outBecause = "not checked yet";
        final LongAdder reads = new LongAdder();
        final LongAdder removals = new LongAdder();
        /** The checker's own connection; guarded by {@link #checkLock}. */
        private Connection checking;
        private final Object checkLock = new Object();

        Replica(String name, ServerPool pool, ServerPool.DirectConnect direct) {
            this.name = name;
            this.pool = pool;
            this.direct = direct;
        }

        /**
         * Asks the replica for its state and takes it out or puts it back; {@code position} is the primary's,
         * sampled at {@code sampledAt} (0: unknown).
         */
        void check(long sampledAt, long position) {
            synchronized (checkLock) {
                checkNow();
                if (position != 0 && replayed >= position) {
                    holdsUntil = sampledAt;
                }
            }
        }

        private void checkNow() {
            try {
                if (checking == null || checking.isClosed()) {
                    checking = direct.open();
                }
                try (Statement s = checking.createStatement(); ResultSet rs = s.executeQuery(CHECK)) {
                    rs.next();
                    boolean standby = rs.getBoolean(1);
                    long position = rs.getLong(2);
                    long lag = Math.round(rs.getDouble(3));
                    lagMillis = lag;
                    if (position > replayed) {
                        replayed = position;
                    }
                    if (!standby) {
                        out("it is not a standby (pg_is_in_recovery() is false: promoted, or a primary)");
                    } else if (lag > maxLagMillis) {
                        out("it lags " + lag + " ms behind, more than maxReplicaLag (" + maxLagMillis + " ms)");
                    } else {
                        in(lag);
                    }
                }
            } catch (SQLException | RuntimeException e) {
                lagMillis = -1;
                closeChecking();
                out("it cannot be reached: " + e.getMessage());
            }
        }

        void out(String reason) {
            String why = reason.endsWith(".") ? reason.substring(0, reason.length() - 1) : reason;
            synchronized (this) {
                if (!usable && why.equals(outBecause)) {
                    return;
                }
                boolean was = usable;
                usable = false;
                outBecause = why;
                if (was) {
                    removals.increment();
                    LOG.warn("Replica {} taken out: {}. Its reads go to the other replicas, or the primary.", name,
                            why);
                } else {
                    LOG.info("Replica {} serves no reads: {}.", name, why);
                }
            }
        }

        private synchronized void in(long lag) {
            if (!usable) {
                usable = true;
                outBecause = null;
                LOG.info("Replica {} serves reads (lag {} ms).", name, lag);
            }
        }

        private void closeChecking() {
            closeQuietly(checking);
            checking = null;
        }

        void close() {
            usable = false;
            synchronized (checkLock) {
                closeChecking();
            }
            pool.close();
        }
    }
}
