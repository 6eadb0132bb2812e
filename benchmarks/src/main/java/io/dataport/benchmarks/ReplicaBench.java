package io.dataport.benchmarks;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.ReplicaMetrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Read replicas measured: W5 (find by id, 8 threads) on a primary alone and with one streaming replica, and the
 * cost of read-your-writes on a read-after-write workload (8 threads, each inserting a row, then finding it by
 * id), with it on (the default), off (reads may miss the write: counted as stale), and on the primary alone.
 * Same harness as the main benchmarks: variants interleaved, medians of rounds. {@code benchmarks/replicas.sh}
 * starts a private primary and standby and runs it.
 *
 * <pre>{@code java -cp benchmarks/target/benchmarks.jar io.dataport.benchmarks.ReplicaBench PRIMARY_URL host:port [--quick]}</pre>
 */
public final class ReplicaBench {
    private static final int ROWS = 100_000;

    private ReplicaBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("Usage: ReplicaBench PRIMARY_URL REPLICA_HOST:PORT [--quick]");
            System.exit(2);
        }
        String primary = args[0];
        String replica = args[1];
        boolean quick = args.length > 2 && args[2].equals("--quick");
        int millis = quick ? 500 : 3000;
        Harness harness = new Harness(Benchmarks.ROUNDS, System.err);
        List<Result> results = new ArrayList<>();
        try (Database alone = Database.open(primary);
             Database replicated = Database.builder(primary).replica(replica).open();
             Database lax = Database.builder(primary).replica(replica).readYourWrites(false).open()) {
            alone.schema().drop(Item.class);
            alone.schema().create(Item.class);
            CrudRepository<Item, Long> items = alone.repository(Item.class);
            List<Item> batch = new ArrayList<>();
            for (int i = 0; i < ROWS; i++) {
                batch.add(new Item(null, "item " + i, i));
            }
            items.insertAll(batch);
            awaitReplica(lax, ROWS);

            CrudRepository<Item, Long> onPrimary = alone.repository(Item.class);
            CrudRepository<Item, Long> onReplica = replicated.repository(Item.class);
            results.addAll(harness.run("postgres", new Workload("W5", "find by id, 8 threads", "ops/s", List.of(
                    Variant.of("primary alone", Role.JDBC, ms -> Workloads.parallel(ms,
                            random -> () -> onPrimary.findById(1L + random.nextInt(ROWS)).orElseThrow())),
                    Variant.of("primary + 1 replica", Role.DATAPORT, ms -> Workloads.parallel(ms,
                            random -> () -> onReplica.findById(1L + random.nextInt(ROWS)).orElseThrow()))),
                    1, millis, millis)));

            AtomicLong stale = new AtomicLong();
            CrudRepository<Item, Long> laxItems = lax.repository(Item.class);
            results.addAll(harness.run("postgres", new Workload("W8", "insert, then find it, 8 threads", "ops/s",
                    List.of(Variant.of("primary alone", Role.JDBC, ms -> Workloads.parallel(ms,
                                    random -> () -> readAfterWrite(onPrimary, random.nextInt(), stale))),
                            Variant.of("replica, read-your-writes", Role.DATAPORT, ms -> Workloads.parallel(ms,
                                    random -> () -> readAfterWrite(onReplica, random.nextInt(), stale))),
                            Variant.of("replica, no read-your-writes", Role.JDBI, ms -> counted(stale,
                                    Workloads.parallel(ms, random -> () -> readAfterWrite(laxItems, random.nextInt(),
                                            stale))))),
                    1, millis, millis)));
            print(results);
            for (ReplicaMetrics r : replicated.metrics().replicas()) {
                System.out.printf(Locale.ROOT, "%nReplica %s: %d reads, %d removals, lag at the last check %s; %d "
                                + "reads went to the primary (the replica had not replayed the thread's write)%n",
                        r.name(), r.reads(), r.removals(), r.lag(), replicated.metrics().readsOnPrimary());
            }
        }
    }

    /** Inserts a row and finds it by id; a miss (the replica had not replayed the insert) is counted as stale. */
    private static Item readAfterWrite(CrudRepository<Item, Long> items, int n, AtomicLong stale) {
        Item written = items.insert(new Item(null, "written", n));
        return items.findById(written.id()).orElseGet(() -> {
            stale.incrementAndGet();
            return written;
        });
    }

    /** The round's outcome with the stale reads it saw as its note (and clears the count). */
    private static Outcome counted(AtomicLong stale, Outcome o) {
        return new Outcome(o.ops(), o.errors(), stale.getAndSet(0) + " of " + o.ops() + " reads stale");
    }

    /** Waits until the replica serves reads and has every row: reads outside a transaction, on the replica. */
    private static void awaitReplica(Database lax, int rows) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (true) {
            List<ReplicaMetrics> r = lax.metrics().replicas();
            if (!r.isEmpty() && r.get(0).serving() && lax.repository(Item.class).count() == rows) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("The replica did not serve all " + rows + " rows within 120 s: " + r);
            }
            Thread.sleep(50);
        }
    }

    private static void print(List<Result> results) {
        System.out.println();
        System.out.println("| workload | variant | median | min | max | unit | × primary alone | notes |");
        System.out.println("|---|---|---:|---:|---:|---|---:|---|");
        for (Result r : results) {
            Result base = results.stream().filter(o -> o.workload().equals(r.workload()) && o.role() == Role.JDBC)
                    .findFirst().orElseThrow();
            double[] ratios = new double[r.rates().length];
            for (int i = 0; i < ratios.length; i++) {
                ratios[i] = r.rates()[i] / base.rates()[i];
            }
            java.util.Arrays.sort(ratios);
            System.out.printf(Locale.ROOT, "| %s %s | %s | %.0f | %.0f | %.0f | %s | %.2f | %s |%n", r.workload(),
                    r.title(), r.variant(), r.median(), r.min(), r.max(), r.unit(), ratios[ratios.length / 2],
                    r.note());
        }
    }
}
