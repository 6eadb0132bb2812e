package io.dataport.sqlite.reliability;

import io.dataport.ConnectionException;
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
 * Scenario 6: {@link Database#close()} while other threads run long queries on readers and on the writer, and
 * while others wait for the writer: no crash, each thread gets a {@link ConnectionException} saying the
 * database is closed, and close returns promptly.
 */
@Tag(Reliability.TAG)
class SqliteCloseWhileBusyTest {
    /** Counts to 200 million: many seconds of work, interrupted by close. */
    static final String LONG_QUERY = "with recursive c(x) as (select 1 union all select x + 1 from c "
            + "where x < 200000000) select count(*) from c";

    @Test
    void closeInterruptsRunningAndWaitingWorkWithAClearError() throws Exception {
        int rounds = Reliability.size("close.rounds", 5, 5);
        long start = System.nanoTime();
        long slowestCloseMs = 0;
        int failedThreads = 0;
        for (int round = 0; round < rounds; round++) {
            Database db = Database.builder(SqliteTarget.INSTANCE.freshUrl()).maxPoolSize(3).open();
            db.useTransaction(s -> s.execute("create table t (x integer)"));
            int readers = 3;
            int writers = 3;
            CountDownLatch started = new CountDownLatch(readers + writers);
            ExecutorService pool = Executors.newFixedThreadPool(readers + writers);
            List<Future<?>> futures = new ArrayList<>();
            try {
                for (int i = 0; i < readers; i++) {
                    futures.add(pool.submit(() -> db.inReadOnlyTransaction(s -> {
                        started.countDown();
                        return s.handle().createQuery(LONG_QUERY).mapTo(long.class).one();
                    })));
                }
                for (int i = 0; i < writers; i++) {
                    // One runs on the writer; the others wait for their turn when close comes.
                    futures.add(pool.submit(() -> {
                        started.countDown();
                        return db.inTransaction(s -> {
                            s.execute("insert into t(x) values (1)");
                            return s.handle().createQuery(LONG_QUERY).mapTo(long.class).one();
                        });
                    }));
                }
                assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
                long closeStart = System.nanoTime();
                db.close();
                long closeMs = (System.nanoTime() - closeStart) / 1_000_000;
                slowestCloseMs = Math.max(slowestCloseMs, closeMs);
                assertThat(closeMs).as("close() returns within a bound").isLessThan(10_000);
                for (Future<?> f : futures) {
                    try {
                        f.get(30, TimeUnit.SECONDS);
                        throw new AssertionError("a query finished although the database was closed under it");
                    } catch (ExecutionException e) {
                        failedThreads++;
                        assertThat(e.getCause()).isInstanceOf(ConnectionException.class)
                                .hasMessageContaining("closed");
                    }
                }
            } finally {
                pool.shutdownNow();
                db.close();
            }
        }
        Reliability.figures("6 sqlite close while busy", "rounds=%d, threads failed cleanly=%d, slowest close=%d ms, "
                + "elapsed=%d ms", rounds, failedThreads, slowestCloseMs, (System.nanoTime() - start) / 1_000_000);
    }
}
