package io.dataport.postgres.reliability;

import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.contract.Reliability;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 8: an administrator terminates every backend of the pool while it is under load. Work in flight
 * fails with {@link ConnectionException}; the next transactions succeed on new connections, without restarting
 * anything.
 */
@Tag(Reliability.TAG)
class PostgresTerminateBackendTest {

    @Test
    void terminatedBackendsFailInFlightWorkAndThePoolRecovers() throws Exception {
        String app = PgFaults.applicationName();
        int threads = 4;
        int kills = Reliability.size("terminate.kills", 5, 5);
        long start = System.nanoTime();
        AtomicInteger committed = new AtomicInteger();
        AtomicInteger terminated = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
        try (Database admin = PgFaults.admin();
             Database db = Database.builder(PgFaults.freshUrl("ApplicationName=" + app)).maxPoolSize(threads).open()) {
            db.useTransaction(s -> s.execute("create table work (id bigserial primary key, worker int, step int)"));
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch warm = new CountDownLatch(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int worker = t;
                futures.add(pool.submit(() -> {
                    while (!stop.get()) {
                        try {
                            db.useTransaction(s -> {
                                s.execute("insert into work(worker, step) values (?, 1)", worker);
                                s.handle().createQuery("select pg_sleep(0.01)").mapTo(String.class).one();
                                s.execute("insert into work(worker, step) values (?, 2)", worker);
                            });
                            committed.incrementAndGet();
                        } catch (Throwable e) {
                            failures.add(e);
                        }
                        warm.countDown();
                    }
                    return null;
                }));
            }
            try {
                assertThat(warm.await(60, TimeUnit.SECONDS)).isTrue();
                for (int k = 0; k < kills; k++) {
                    int before = committed.get();
                    terminated.addAndGet(PgFaults.terminate(admin, app));
                    // Load goes on: wait until the workers committed again on new connections.
                    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                    while (committed.get() < before + 2 * threads && System.nanoTime() < deadline) {
                        Thread.onSpinWait();
                    }
                    assertThat(committed.get()).as("work resumes after kill %d", k).isGreaterThanOrEqualTo(before + 2 * threads);
                }
            } finally {
                stop.set(true);
                pool.shutdown();
                for (Future<?> f : futures) {
                    f.get(60, TimeUnit.SECONDS);
                }
            }
            assertThat(terminated.get()).as("backends terminated").isGreaterThanOrEqualTo(kills);
            assertThat(failures).as("in-flight work fails with ConnectionException")
                    .allSatisfy(e -> assertThat(e).isInstanceOf(ConnectionException.class));
            // Right after killing every (now idle) connection, the very next transactions succeed.
            terminated.addAndGet(PgFaults.terminate(admin, app));
            for (int i = 0; i < 2 * threads; i++) {
                db.useTransaction(s -> s.execute("insert into work(worker, step) values (-1, 1)"));
            }
            long halves = db.inTransaction(s -> s.handle().createQuery("select count(*) from (select 1 from work "
                    + "where worker >= 0 group by worker, id) x").mapTo(long.class).one());
            long steps1 = db.inTransaction(s -> s.handle().createQuery("select count(*) from work where worker >= 0 "
                    + "and step = 1").mapTo(long.class).one());
            long steps2 = db.inTransaction(s -> s.handle().createQuery("select count(*) from work where worker >= 0 "
                    + "and step = 2").mapTo(long.class).one());
            long lostAtCommit = failures.stream().filter(e -> e.getMessage().contains("while committing")).count();
            assertThat(steps1).as("no half transaction: step 1 rows equal step 2 rows").isEqualTo(steps2);
            assertThat(steps1).as("every transaction reported committed is there; only those that lost their "
                    + "connection during commit may be there too").isBetween((long) committed.get(),
                    committed.get() + lostAtCommit);
            assertThat(halves).isPositive();
            Reliability.figures("8 postgres pg_terminate_backend", "kill rounds=%d, backends terminated=%d, "
                            + "transactions committed=%d, in-flight failures (all ConnectionException)=%d (%d during commit), "
                            + "transactions retried on a dead pooled connection=%d, elapsed=%d ms",
                    kills + 1, terminated.get(), committed.get(), failures.size(), lostAtCommit, db.retryCount(), (System.nanoTime() - start) / 1_000_000);
        }
    }
}
