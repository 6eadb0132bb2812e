package io.dataport.sqlite.reliability;

import io.dataport.Database;
import io.dataport.contract.Reliability;
import io.dataport.sqlite.SqliteTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 2: two sessions read then write the same row in lock-step. With plain deferred transactions SQLite
 * fails the second writer with SQLITE_BUSY_SNAPSHOT whatever the busy timeout; Dataport's write transactions
 * start with BEGIN IMMEDIATE, so neither the error nor a lost update can happen. The two sessions come from two
 * Database instances on one file, as two processes would.
 */
@Tag(Reliability.TAG)
class SqliteDeferredWriteConflictTest {

    @Test
    void readThenWriteInLockStepNeitherFailsNorLosesAnUpdate() throws Exception {
        int rounds = Reliability.size("lockstep.rounds", 200, 200);
        String url = SqliteTarget.INSTANCE.freshUrl();
        List<Throwable> errors = new ArrayList<>();
        long start = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Database a = Database.open(url); Database b = Database.open(url)) {
            a.useTransaction(s -> {
                s.execute("create table counter (id integer primary key, n integer not null)");
                s.execute("insert into counter(id, n) values (1, 0)");
            });
            for (int round = 0; round < rounds; round++) {
                CountDownLatch aHasRead = new CountDownLatch(1);
                CountDownLatch bBegins = new CountDownLatch(1);
                Future<?> first = pool.submit(() -> {
                    a.useTransaction(s -> {
                        int n = s.handle().createQuery("select n from counter where id = 1").mapTo(int.class).one();
                        aHasRead.countDown();
                        // b begins its transaction now; with BEGIN IMMEDIATE it waits for this one to end.
                        bBegins.await(10, TimeUnit.SECONDS);
                        s.execute("update counter set n = ? where id = 1", n + 1);
                    });
                    return null;
                });
                Future<?> second = pool.submit(() -> {
                    aHasRead.await(10, TimeUnit.SECONDS);
                    bBegins.countDown();
                    b.useTransaction(s -> {
                        int n = s.handle().createQuery("select n from counter where id = 1").mapTo(int.class).one();
                        s.execute("update counter set n = ? where id = 1", n + 1);
                    });
                    return null;
                });
                for (Future<?> f : List.of(first, second)) {
                    try {
                        f.get(60, TimeUnit.SECONDS);
                    } catch (ExecutionException e) {
                        errors.add(e.getCause());
                    }
                }
            }
            int n = a.inTransaction(s -> s.handle().createQuery("select n from counter").mapTo(int.class).one());
            assertThat(errors).as("no SQLITE_BUSY(_SNAPSHOT) or other error reaches the user").isEmpty();
            assertThat(n).isEqualTo(2 * rounds);
            Reliability.figures("2 sqlite deferred read-then-write", "rounds=%d, transactions=%d, errors=0, "
                            + "retries=%d, elapsed=%d ms", rounds, 2 * rounds, a.retryCount() + b.retryCount(),
                    (System.nanoTime() - start) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }
    }
}
