package io.dataport.sqlite.reliability;

import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.contract.Reliability;
import io.dataport.sqlite.SqliteTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.sqlite.Function;
import org.sqlite.SQLiteConnection;

import java.sql.Connection;
import java.sql.SQLException;
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
    /**
     * Counts to 200 million: many seconds of work, interrupted by close. Its first row calls {@code running()},
     * a function that counts down a latch: when the latch is open, the statement is inside SQLite's native step.
     */
    static final String LONG_QUERY = "with recursive c(x) as (select running() union all select x + 1 from c "
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
            // Every reader and one writer (the others wait for their turn) are inside a running statement.
            CountDownLatch running = new CountDownLatch(readers + 1);
            CountDownLatch submitted = new CountDownLatch(writers);
            ExecutorService pool = Executors.newFixedThreadPool(readers + writers);
            List<Future<?>> futures = new ArrayList<>();
            try {
                for (int i = 0; i < readers; i++) {
                    futures.add(pool.submit(() -> db.inReadOnlyTransaction(s -> {
                        registerRunning(s.handle().getConnection(), running);
                        return s.handle().createQuery(LONG_QUERY).mapTo(long.class).one();
                    })));
                }
                for (int i = 0; i < writers; i++) {
                    // One runs on the writer; the others wait for their turn when close comes.
                    futures.add(pool.submit(() -> {
                        submitted.countDown();
                        return db.inTransaction(s -> {
                            registerRunning(s.handle().getConnection(), running);
                            s.execute("insert into t(x) values (1)");
                            return s.handle().createQuery(LONG_QUERY).mapTo(long.class).one();
                        });
                    }));
                }
                assertThat(submitted.await(30, TimeUnit.SECONDS)).isTrue();
                assertThat(running.await(30, TimeUnit.SECONDS)).as("statements running").isTrue();
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

    /** Defines {@code running()} on this connection: it counts the latch down and returns 1. */
    static void registerRunning(Connection connection, CountDownLatch running) throws SQLException {
        Function.create(connection.unwrap(SQLiteConnection.class), "running", new Function() {
            @Override
            protected void xFunc() throws SQLException {
                running.countDown();
                result(1);
            }
        });
    }
}
