package io.dataport.benchmarks;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.TransactionIsolation;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static io.dataport.Condition.where;

/**
 * The workloads of the benchmark, each as JDBC, plain Jdbi and Dataport variants on one backend, measured
 * against two references in the same run. The physical limit ({@link Role#LIMIT}): each thread holds one
 * connection for the round and reuses one prepared statement, bindings computed before the timing, single
 * statements in auto-commit. JDBC with a pool ({@link Role#JDBC}): a connection borrowed per operation, prepared
 * statements reused per connection (W2, W4 and W6 hold one for the round: they are the limit). Jdbi and Dataport
 * work the way applications use them: a handle or a transaction per operation.
 */
final class Workloads {
    static final int THREADS = 8;
    private static final String TABLE = BenchTarget.TABLE;
    private static final String INSERT = DataportItems.INSERT;
    private static final String FIND = DataportItems.FIND;
    private static final String ALL = DataportItems.ALL;

    private final BenchTarget t;
    private final Sizes sizes;
    private final DataportItems dataport;
    private final Database db;

    Workloads(BenchTarget target, Sizes sizes) {
        this.t = target;
        this.sizes = sizes;
        this.db = target.dataport();
        this.dataport = new DataportItems(db);
    }

    /** How much work each workload does. */
    record Sizes(int w1, int w2, int w3, int w4PerThread, int w5Millis, int w6, int warmupRounds) {
        static Sizes full() {
            return new Sizes(1_000, 100_000, 20_000, 500, 600, 1_000_000, 2);
        }

        static Sizes quick() {
            return new Sizes(200, 10_000, 2_000, 50, 150, 50_000, 1);
        }
    }

    void createTables() throws SQLException {
        t.exec("DROP TABLE IF EXISTS " + TABLE);
        // The repository's own DDL, so every variant works on the table Dataport would make.
        db.schema().create(Item.class);
        t.exec("DROP TABLE IF EXISTS " + BenchTarget.COUNTER,
                "CREATE TABLE " + BenchTarget.COUNTER + " (id INTEGER PRIMARY KEY, total INTEGER NOT NULL)",
                "INSERT INTO " + BenchTarget.COUNTER + " (id, total) VALUES (1, 0)");
    }

    /** Empties the item table and fills it with {@code rows} items, ids 1 to rows (untimed). */
    void populate(int rows) throws SQLException {
        t.exec(t.clearItems());
        Connection c = t.writers().take();
        try {
            c.setAutoCommit(false);
            // Explicit ids: MariaDB's batched (bulk) inserts take AUTO_INCREMENT values in blocks that can leave
            // gaps (innodb_autoinc_lock_mode 1 and 2), and W3 and W5 find random ids from 1 to rows.
            String insert = "INSERT INTO " + TABLE + " (id, name, qty) VALUES (?, ?, ?)";
            try (PreparedStatement ps = c.prepareStatement(insert)) {
                for (int i = 1; i <= rows; i++) {
                    ps.setLong(1, i);
                    ps.setString(2, "item-" + i);
                    ps.setInt(3, i % 1000);
                    ps.addBatch();
                    if (i % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute(t.analyze());
            }
        } finally {
            t.writers().give(c);
        }
    }

    // ---- W1: one row per transaction -------------------------------------------------------------------

    Workload w1() {
        Jdbi jdbi = t.writeJdbi();
        String[] names = new String[sizes.w1()];
        for (int i = 0; i < names.length; i++) {
            names[i] = "w1-" + i;
        }
        List<Variant> v = List.of(
                Variant.of("limit (1 conn, 1 statement)", Role.LIMIT, n -> {
                    long check = 0;
                    Connection c = t.writers().take();
                    // RETURNING, as Dataport's insert: the id in the statement's own round trip (sqlite-jdbc's
                    // generated keys run a second statement, SELECT last_insert_rowid()).
                    try (PreparedStatement ps = c.prepareStatement(INSERT + " RETURNING id")) {
                        for (int i = 0; i < n; i++) {
                            ps.setString(1, names[i]);
                            ps.setInt(2, i);
                            try (ResultSet keys = ps.executeQuery()) {
                                keys.next();
                                check += keys.getLong(1);
                            }
                        }
                    } finally {
                        t.writers().give(c);
                    }
                    return new Outcome(n, 0, check > 0 ? "" : "?");
                }),
                Variant.of("jdbc", Role.JDBC, n -> {
                    long check = 0;
                    for (int i = 0; i < n; i++) {
                        Connection c = t.writers().take();
                        try {
                            PreparedStatement ps = t.prepare(c, INSERT, Statement.RETURN_GENERATED_KEYS);
                            ps.setString(1, "w1-" + i);
                            ps.setInt(2, i);
                            ps.executeUpdate();
                            try (ResultSet keys = ps.getGeneratedKeys()) {
                                keys.next();
                                check += keys.getLong(1);
                            }
                            t.done(ps);
                        } finally {
                            t.writers().give(c);
                        }
                    }
                    return new Outcome(n, 0, check > 0 ? "" : "?");
                }),
                Variant.of("jdbi", Role.JDBI, n -> {
                    for (int i = 0; i < n; i++) {
                        int qty = i;
                        jdbi.useTransaction(h -> h.createUpdate(INSERT).bind(0, "w1-" + qty).bind(1, qty)
                                .executeAndReturnGeneratedKeys("id").mapTo(long.class).one());
                    }
                    return Outcome.of(n);
                }),
                Variant.of("dataport", Role.DATAPORT, n -> {
                    for (int i = 0; i < n; i++) {
                        dataport.insert(new Item(null, "w1-" + i, i));
                    }
                    return Outcome.of(n);
                }));
        return new Workload("W1", "insert, 1 row per transaction", "rows/s", v, sizes.warmupRounds(), sizes.w1(),
                sizes.w1());
    }

    // ---- W2: many rows in one transaction --------------------------------------------------------------

    Workload w2() {
        Jdbi jdbi = t.writeJdbi();
        Variant.Step clear = () -> t.exec(t.clearItems());
        // Every variant inserts the same entities, made before the timing: an application has its objects.
        List<Item> items = new ArrayList<>(sizes.w2());
        for (int i = 1; i <= sizes.w2(); i++) {
            items.add(new Item(null, "w2-" + i, i));
        }
        List<Variant> v = List.of(
                Variant.of("jdbc", Role.JDBC, n -> {
                    Connection c = t.writers().take();
                    try {
                        PreparedStatement ps = t.prepare(c, INSERT);
                        c.setAutoCommit(false);
                        for (int i = 0; i < n; i++) {
                            Item item = items.get(i);
                            ps.setString(1, item.name());
                            ps.setInt(2, item.qty());
                            ps.addBatch();
                            if ((i + 1) % 1000 == 0) {
                                ps.executeBatch();
                            }
                        }
                        ps.executeBatch();
                        c.commit();
                        t.done(ps);
                        return Outcome.of(n);
                    } finally {
                        c.setAutoCommit(true);
                        t.writers().give(c);
                    }
                }).withPrepare(clear),
                Variant.of("jdbi", Role.JDBI, n -> {
                    jdbi.useTransaction(h -> {
                        PreparedBatch batch = h.prepareBatch(INSERT);
                        for (int i = 0; i < n; i++) {
                            Item item = items.get(i);
                            batch.bind(0, item.name()).bind(1, item.qty()).add();
                        }
                        batch.execute();
                    });
                    return Outcome.of(n);
                }).withPrepare(clear),
                Variant.of("dataport", Role.DATAPORT, n -> {
                    dataport.insertAll(n == items.size() ? items : items.subList(0, n));
                    return Outcome.of(n);
                }).withPrepare(clear));
        return new Workload("W2", "insert " + n(sizes.w2()) + " rows in 1 transaction", "rows/s", v, 1,
                Math.max(1, sizes.w2() / 5), sizes.w2());
    }

    // ---- W3: find by id, one thread ---------------------------------------------------------------------

    Workload w3(int rows) {
        Jdbi jdbi = t.readJdbi();
        long[] ids = randomIds(rows, sizes.w3(), 3);
        List<Variant> v = List.of(
                limitFinds(ids),
                jdbcFinds(ids),
                Variant.of("jdbi", Role.JDBI, n -> {
                    long sum = 0;
                    for (int i = 0; i < n; i++) {
                        long id = ids[i];
                        sum += jdbi.withHandle(h -> h.createQuery(FIND).bind(0, id).map(DataportItems.MAPPER)
                                .findOne()).orElseThrow().qty();
                    }
                    return new Outcome(n, 0, sum >= 0 ? "" : "?");
                }),
                Variant.of("dataport", Role.DATAPORT, n -> {
                    long sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += dataport.findById(ids[i]).orElseThrow().qty();
                    }
                    return new Outcome(n, 0, sum >= 0 ? "" : "?");
                }));
        return new Workload("W3", "find by id, 1 thread", "ops/s", v, sizes.warmupRounds(), sizes.w3(), sizes.w3());
    }

    /** The limit of W3 and W7: one connection held for the round, one prepared statement reused for every id. */
    private Variant limitFinds(long[] ids) {
        return Variant.of("limit (1 conn, 1 statement)", Role.LIMIT, n -> {
            long sum = 0;
            try (LimitReader reader = limitReader(null, 0)) {
                for (int i = 0; i < n; i++) {
                    sum += reader.find(ids[i]).qty();
                }
            }
            return new Outcome(n, 0, sum >= 0 ? "" : "?");
        });
    }

    /**
     * A thread's own reader connection and prepared find, held until closed: the limit's way to find by id, a
     * random one of {@code rows} on each {@link Reader#read()} (or the caller's, with {@link LimitReader#find}).
     */
    private LimitReader limitReader(SplittableRandom random, int rows) throws SQLException {
        Connection c = t.readers().take();
        PreparedStatement ps = c.prepareStatement(FIND);
        return new LimitReader(c, ps, random, rows);
    }

    /** See {@link #limitReader}. */
    private final class LimitReader implements Reader {
        private final Connection connection;
        private final PreparedStatement find;
        private final SplittableRandom random;
        private final int rows;

        LimitReader(Connection connection, PreparedStatement find, SplittableRandom random, int rows) {
            this.connection = connection;
            this.find = find;
            this.random = random;
            this.rows = rows;
        }

        Item find(long id) throws SQLException {
            find.setLong(1, id);
            try (ResultSet rs = find.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no item " + id);
                }
                return new Item(rs.getLong(1), rs.getString(2), rs.getInt(3));
            }
        }

        @Override
        public Item read() throws SQLException {
            return find(1 + random.nextInt(rows));
        }

        @Override
        public void close() throws SQLException {
            find.close();
            t.readers().give(connection);
        }
    }

    /** The JDBC reference of W3 and W7: each id found with the thread's own prepared statement. */
    private Variant jdbcFinds(long[] ids) {
        return Variant.of("jdbc", Role.JDBC, n -> {
            long sum = 0;
            for (int i = 0; i < n; i++) {
                sum += jdbcFind(ids[i]).qty();
            }
            return new Outcome(n, 0, sum >= 0 ? "" : "?");
        });
    }

    // ---- W7: a condition on an indexed column, one thread ------------------------------------------------

    /**
     * {@code findAll(where("id").eq(k))} against the same lookup in hand-written JDBC: what a condition costs over
     * the SQL it stands for (its SQL is built once per shape, then only its values are read and bound).
     */
    Workload w7(int rows) {
        long[] ids = randomIds(rows, sizes.w3(), 7);
        List<Variant> v = List.of(
                limitFinds(ids),
                jdbcFinds(ids),
                Variant.of("dataport", Role.DATAPORT, n -> {
                    long sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += dataport.findAll(where("id").eq(ids[i])).get(0).qty();
                    }
                    return new Outcome(n, 0, sum >= 0 ? "" : "?");
                }));
        return new Workload("W7", "condition on an indexed column, 1 thread", "ops/s", v, sizes.warmupRounds(),
                sizes.w3(), sizes.w3());
    }

    // ---- W5: find by id, 8 threads for a fixed time ---------------------------------------------------

    Workload w5(int rows) {
        Jdbi jdbi = t.readJdbi();
        List<Variant> v = List.of(
                Variant.of("limit (a conn and statement per thread)", Role.LIMIT, millis -> parallel(millis,
                        random -> limitReader(random, rows))),
                Variant.of("jdbc", Role.JDBC, millis -> parallel(millis,
                        random -> () -> jdbcFind(1 + random.nextInt(rows)))),
                Variant.of("jdbi", Role.JDBI, millis -> parallel(millis, random -> () -> {
                    long id = 1 + random.nextInt(rows);
                    return jdbi.withHandle(h -> h.createQuery(FIND).bind(0, id).map(DataportItems.MAPPER)
                            .findOne()).orElseThrow();
                })),
                Variant.of("dataport", Role.DATAPORT, millis -> parallel(millis,
                        random -> () -> dataport.findById(1 + random.nextInt(rows)).orElseThrow())));
        return new Workload("W5", "find by id, " + THREADS + " threads", "ops/s", v, sizes.warmupRounds(),
                sizes.w5Millis(), sizes.w5Millis());
    }

    /** The per-thread work of W5: made once per thread (JDBC's holds a connection), then called in a loop. */
    interface Reader extends AutoCloseable {
        Item read() throws Exception;

        @Override
        default void close() throws SQLException {
        }
    }

    interface ReaderFactory {
        Reader create(SplittableRandom random) throws Exception;
    }

    /** Runs 8 threads, each calling its reader in a loop, for {@code millis}. */
    static Outcome parallel(int millis, ReaderFactory factory) throws Exception {
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        long[] deadline = new long[1];
        AtomicReference<Exception> firstError = new AtomicReference<>();
        for (int i = 0; i < THREADS; i++) {
            SplittableRandom random = new SplittableRandom(5 + i);
            threads.add(new Thread(() -> {
                long done = 0;
                boolean counted = false;
                try (Reader reader = factory.create(random)) {
                    ready.countDown();
                    counted = true;
                    go.await();
                    long end = deadline[0];
                    while (System.nanoTime() < end) {
                        reader.read();
                        done++;
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                    if (!counted) {
                        ready.countDown();
                    }
                }
                ops.addAndGet(done);
            }, "w5-" + i));
        }
        threads.forEach(Thread::start);
        ready.await();
        deadline[0] = System.nanoTime() + millis * 1_000_000L;
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        return new Outcome(ops.get(), errors.get(), firstError(firstError.get()));
    }

    /** The first error of a round, for the report: its type and message. */
    private static String firstError(Exception e) {
        return e == null ? "" : "first error " + e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    // ---- W4: read-modify-write on one counter row -----------------------------------------------------

    Workload w4() {
        String select = "SELECT total FROM " + BenchTarget.COUNTER + " WHERE id = 1" + t.lockSuffix();
        String update = "UPDATE " + BenchTarget.COUNTER + " SET total = ? WHERE id = 1";
        Variant.Step reset = () -> t.exec("DELETE FROM " + BenchTarget.COUNTER + " WHERE id > 1",
                "UPDATE " + BenchTarget.COUNTER + " SET total = 0");
        List<Variant> v = new ArrayList<>();
        boolean sqlite = t.name().equals("sqlite");
        if (sqlite) {
            v.add(Variant.of("jdbc-naive (8 conns, deferred)", Role.OTHER,
                    n -> counter(n, () -> jdbcCounter(select, update, false, 0, false))).withPrepare(reset));
        }
        v.add(Variant.of(sqlite ? "jdbc (8 conns, BEGIN IMMEDIATE)" : "jdbc (SELECT FOR UPDATE)", Role.JDBC,
                n -> counter(n, () -> jdbcCounter(select, update, sqlite, 0, false))).withPrepare(reset));
        Jdbi jdbi = t.pool8Jdbi();
        v.add(Variant.of(sqlite ? "jdbi (8 conns, deferred)" : "jdbi", Role.JDBI, n -> counter(n, () -> () ->
                jdbi.useTransaction(h -> {
                    int value = h.createQuery(select).mapTo(int.class).one();
                    h.createUpdate(update).bind(0, value + 1).execute();
                }))).withPrepare(reset));
        // The session's own SQL: on PostgreSQL the hot-row recipe, READ COMMITTED and SELECT ... FOR UPDATE, which
        // waits for the row lock instead of failing to serialize; SQLite runs it serializable (one writer).
        v.add(Variant.of(sqlite ? "dataport (session SQL)" : "dataport (READ_COMMITTED + FOR UPDATE)", Role.OTHER,
                n -> counter(n, () -> () -> db.useTransaction(TransactionIsolation.READ_COMMITTED, s -> {
                    int value = s.handle().createQuery(select).mapTo(int.class).one();
                    s.handle().createUpdate(update).bind(0, value + 1).execute();
                }))).withPrepare(reset));
        // The repository, reading then writing under the default level (serializable): SQLite's one writer makes it
        // safe; PostgreSQL fails all but one of the concurrent transactions to serialize, and they are retried.
        CrudRepository<Counter, Long> counters = db.repository(Counter.class);
        v.add(Variant.of("dataport", Role.DATAPORT, n -> counter(n, () -> () ->
                db.useTransaction(s -> {
                    Counter c = counters.findById(1L).orElseThrow();
                    counters.update(new Counter(c.id(), c.total() + 1));
                }))).withPrepare(reset));
        return new Workload("W4", THREADS + " threads x " + sizes.w4PerThread() + " read-modify-write transactions",
                "tx/s", v, 1, Math.max(1, sizes.w4PerThread() / 5), sizes.w4PerThread());
    }

    /** One thread's transactions of W4; {@link #close()} gives its connection back. */
    interface CounterTx extends AutoCloseable {
        void run() throws Exception;

        @Override
        default void close() throws SQLException {
        }
    }

    interface CounterTxFactory {
        CounterTx create() throws Exception;
    }

    /**
     * One thread's read-modify-write transactions on a connection of its own with its statements kept:
     * {@code BEGIN IMMEDIATE} ({@code immediate}, SQLite) or a JDBC transaction, on row {@code id} (0: the SQL
     * names its row), serializable when asked (the server's default level otherwise); a transaction that failed
     * to serialize (40001) runs again, up to 10 times, as Dataport's do.
     */
    private CounterTx jdbcCounter(String select, String update, boolean immediate, long id, boolean serializable)
            throws SQLException {
        ConnectionSource pool = t.pool8();
        Connection c = pool.take();
        PreparedStatement begin = immediate ? c.prepareStatement("BEGIN IMMEDIATE") : null;
        PreparedStatement commit = immediate ? c.prepareStatement("COMMIT") : null;
        PreparedStatement read = c.prepareStatement(select);
        PreparedStatement write = c.prepareStatement(update);
        int level = c.getTransactionIsolation();
        if (!immediate) {
            if (serializable) {
                c.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
            }
            c.setAutoCommit(false);
        }
        if (id > 0) {
            read.setLong(1, id);
            write.setLong(2, id);
        }
        return new CounterTx() {
            @Override
            public void run() throws SQLException {
                for (int attempt = 1; ; attempt++) {
                    try {
                        once();
                        return;
                    } catch (SQLException e) {
                        try (Statement s = c.createStatement()) {
                            if (immediate) {
                                s.execute("ROLLBACK");
                            } else {
                                c.rollback();
                            }
                        } catch (SQLException ignored) {
                            // no transaction left to roll back
                        }
                        if (!"40001".equals(e.getSQLState()) || attempt >= 10) {
                            throw e;
                        }
                    }
                }
            }

            private void once() throws SQLException {
                if (immediate) {
                    begin.execute();
                }
                int value;
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    value = rs.getInt(1);
                }
                write.setInt(1, value + 1);
                write.executeUpdate();
                if (immediate) {
                    commit.execute();
                } else {
                    c.commit();
                }
            }

            @Override
            public void close() throws SQLException {
                for (PreparedStatement ps : new PreparedStatement[] {begin, commit, read, write}) {
                    if (ps != null) {
                        ps.close();
                    }
                }
                c.setAutoCommit(true);
                c.setTransactionIsolation(level);
                pool.give(c);
            }
        };
    }

    /** Runs 8 threads of {@code perThread} transactions; counts failures and reads the final value. */
    private Outcome counter(int perThread, CounterTxFactory factory) throws Exception {
        long retriesBefore = db.retryCount();
        AtomicLong committed = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<Exception> firstError = new AtomicReference<>();
        CountDownLatch ready = new CountDownLatch(THREADS);
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < THREADS; i++) {
            threads.add(new Thread(() -> {
                boolean counted = false;
                try (CounterTx tx = factory.create()) {
                    ready.countDown();
                    counted = true;
                    go.await();
                    for (int k = 0; k < perThread; k++) {
                        try {
                            tx.run();
                            committed.incrementAndGet();
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e);
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    firstError.compareAndSet(null, e);
                    if (!counted) {
                        ready.countDown();
                    }
                }
            }, "w4-" + i));
        }
        threads.forEach(Thread::start);
        ready.await();
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        int value = db.inTransaction(s -> s.handle().createQuery("SELECT SUM(total) FROM " + BenchTarget.COUNTER)
                .mapTo(int.class).one());
        io.dataport.DatabaseMetrics m = db.metrics();
        return new Outcome(committed.get(), errors.get(), (firstError.get() == null ? ""
                : firstError(firstError.get()) + ", ") + "final " + value + "/" + THREADS * perThread
                + ", dataport retries " + (db.retryCount() - retriesBefore) + ", dataport writer wait p99 "
                + m.writerWaitP99().toMillis() + " ms, max " + m.writerWaitMax().toMillis() + " ms (since open)");
    }

    // ---- W9: read then write, each thread its own row, under the default isolation ------------------------

    /**
     * 8 threads, each reading a counter row of its own and writing it back incremented, one transaction each
     * time, under Dataport's default level (serializable): what a plain read-then-write costs when nothing
     * conflicts. The limit runs the same two statements at the same level on a connection of its own per thread
     * (SQLite: {@code BEGIN IMMEDIATE}, its one writer at a time), running a transaction that failed to
     * serialize again, as Dataport does.
     */
    Workload w9() {
        String select = "SELECT total FROM " + BenchTarget.COUNTER + " WHERE id = ?";
        String update = "UPDATE " + BenchTarget.COUNTER + " SET total = ? WHERE id = ?";
        Variant.Step reset = () -> {
            t.exec("DELETE FROM " + BenchTarget.COUNTER);
            for (int i = 1; i <= THREADS; i++) {
                t.exec("INSERT INTO " + BenchTarget.COUNTER + " (id, total) VALUES (" + i + ", 0)");
            }
        };
        AtomicLong rows = new AtomicLong();
        CrudRepository<Counter, Long> counters = db.repository(Counter.class);
        List<Variant> v = List.of(
                Variant.of("limit (a conn and statements per thread)", Role.LIMIT, n -> counter(n, () ->
                        jdbcCounter(select, update, t.name().equals("sqlite"), 1 + rows.getAndIncrement() % THREADS,
                                true))).withPrepare(reset),
                Variant.of("dataport", Role.DATAPORT, n -> counter(n, () -> {
                    long id = 1 + rows.getAndIncrement() % THREADS;
                    return () -> db.useTransaction(s -> {
                        Counter c = counters.findById(id).orElseThrow();
                        counters.update(new Counter(id, c.total() + 1));
                    });
                })).withPrepare(reset));
        return new Workload("W9", THREADS + " threads x " + sizes.w4PerThread() + " read-then-write, own rows",
                "tx/s", v, 1, Math.max(1, sizes.w4PerThread() / 5), sizes.w4PerThread());
    }

    // ---- W6: stream a large table -------------------------------------------------------------------

    Workload w6() {
        Jdbi jdbi = t.readJdbi();
        boolean tx = t.cursorNeedsTransaction();
        List<Variant> v = List.of(
                Variant.of("jdbc", Role.JDBC, n -> {
                    Connection c = t.readers().take();
                    try {
                        if (tx) {
                            c.setAutoCommit(false);
                        }
                        long sum = 0;
                        long rows = 0;
                        try (PreparedStatement ps = c.prepareStatement(ALL)) {
                            ps.setFetchSize(1000);
                            try (ResultSet rs = ps.executeQuery()) {
                                while (rows < n && rs.next()) {
                                    Item item = new Item(rs.getLong(1), rs.getString(2), rs.getInt(3));
                                    sum += item.qty();
                                    rows++;
                                }
                            }
                        }
                        if (tx) {
                            c.commit();
                        }
                        return new Outcome(rows, 0, sum >= 0 ? "" : "?");
                    } finally {
                        c.setAutoCommit(true);
                        t.readers().give(c);
                    }
                }),
                Variant.of("jdbi", Role.JDBI, n -> {
                    long sum = jdbi.inTransaction(h -> {
                        try (Stream<Item> items = h.createQuery(ALL).setFetchSize(1000).map(DataportItems.MAPPER)
                                .stream()) {
                            return items.limit(n).mapToLong(Item::qty).sum();
                        }
                    });
                    return new Outcome(n, 0, sum >= 0 ? "" : "?");
                }),
                Variant.of("dataport", Role.DATAPORT, n -> {
                    long sum = dataport.stream(n);
                    return new Outcome(n, 0, sum >= 0 ? "" : "?");
                }));
        return new Workload("W6", "stream " + n(sizes.w6()) + " rows", "rows/s", v, 1, Math.max(1, sizes.w6() / 5),
                sizes.w6());
    }

    /** Find by id the JDBC way: borrow a connection, run the kept prepared statement, give it back. */
    private Item jdbcFind(long id) throws SQLException {
        Connection c = t.readers().take();
        try {
            PreparedStatement ps = t.prepare(c, FIND);
            ps.setLong(1, id);
            Item item;
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no item " + id);
                }
                item = new Item(rs.getLong(1), rs.getString(2), rs.getInt(3));
            }
            t.done(ps);
            return item;
        } finally {
            t.readers().give(c);
        }
    }

    private static long[] randomIds(int rows, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        long[] ids = new long[n];
        for (int i = 0; i < n; i++) {
            ids[i] = 1 + random.nextInt(rows);
        }
        return ids;
    }

    static String n(int count) {
        return String.format("%,d", count);
    }
}
