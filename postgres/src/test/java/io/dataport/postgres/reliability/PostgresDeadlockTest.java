package io.dataport.postgres.reliability;

import io.dataport.Database;
import io.dataport.contract.Reliability;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 11: two transactions lock two rows in opposite order. PostgreSQL breaks the deadlock by failing one
 * (40P01); Dataport retries it, and both effects land exactly once.
 */
@Tag(Reliability.TAG)
class PostgresDeadlockTest {

    @Test
    void deadlockVictimIsRetriedAndBothEffectsLandOnce() throws Exception {
        long start = System.nanoTime();
        try (Database db = Database.builder(PgFaults.freshUrl()).maxPoolSize(2).open()) {
            db.useTransaction(s -> {
                s.execute("create table item (id int primary key, n int not null)");
                s.execute("create table log (tx text primary key)");
                s.execute("insert into item(id, n) values (1, 0), (2, 0)");
            });
            CountDownLatch firstLocked = new CountDownLatch(2);
            AtomicInteger attempts = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                Future<?> a = pool.submit(() -> lockBoth(db, "a", 1, 2, firstLocked, attempts));
                Future<?> b = pool.submit(() -> lockBoth(db, "b", 2, 1, firstLocked, attempts));
                for (Future<?> f : List.of(a, b)) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            List<Integer> n = db.inTransaction(s -> s.handle().createQuery("select n from item order by id")
                    .mapTo(int.class).list());
            List<String> log = db.inTransaction(s -> s.handle().createQuery("select tx from log order by tx")
                    .mapTo(String.class).list());
            assertThat(n).as("each row incremented once by each transaction").containsExactly(2, 2);
            assertThat(log).containsExactly("a", "b");
            assertThat(attempts).as("one deadlock victim, run again once").hasValue(3);
            assertThat(db.retryCount()).isEqualTo(1);
            Reliability.figures("11 postgres deadlock", "transactions=2, attempts=%d, retries=%d, elapsed=%d ms",
                    attempts.get(), db.retryCount(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static Void lockBoth(Database db, String tx, int first, int second, CountDownLatch firstLocked,
                                 AtomicInteger attempts) throws Exception {
        db.useTransaction(s -> {
            attempts.incrementAndGet();
            s.execute("update item set n = n + 1 where id = ?", first);
            firstLocked.countDown();
            // Both hold their first row before either asks for its second: a deadlock on the first attempt.
            firstLocked.await(30, TimeUnit.SECONDS);
            s.execute("update item set n = n + 1 where id = ?", second);
            s.execute("insert into log(tx) values (?)", tx);
        });
        return null;
    }
}
