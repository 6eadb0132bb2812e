package io.dataport.contract;

import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.mapping.Id;
import io.dataport.TransactionConflictException;
import io.dataport.TransactionIsolation;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** Many threads on one Database lose no update, and conflicts are retried a bounded number of times. */
public abstract class ConcurrencyContract extends ContractSupport {

    @Test
    void eightThreadsIncrementingOneCounterAtReadCommittedWithARowLockLoseNothing() throws Exception {
        db.useTransaction(s -> {
            s.execute("create table counter (id integer primary key, n integer not null)");
            s.execute("insert into counter(id, n) values (1, 0)");
        });
        int threads = 8;
        int perThread = 500;
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        runConcurrently(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                try {
                    // The hot-row recipe: read committed and a row lock, no serialization failures to retry.
                    db.useTransaction(TransactionIsolation.READ_COMMITTED, s -> {
                        int n = s.handle().createQuery(forUpdate("select n from counter where id = 1"))
                                .mapTo(int.class).one();
                        s.execute("update counter set n = ? where id = 1", n + 1);
                    });
                } catch (Throwable t) {
                    errors.add(t);
                }
            }
            return null;
        });
        assertThat(errors).isEmpty();
        int n = db.inTransaction(s -> s.handle().createQuery("select n from counter").mapTo(int.class).one());
        assertThat(n).isEqualTo(threads * perThread);
    }

    @Test
    void readersRunWhileAWriterHoldsItsTransaction() throws Exception {
        db.useTransaction(s -> {
            s.execute("create table item (id integer primary key)");
            s.execute("insert into item(id) values (1)");
        });
        CountDownLatch writing = new CountDownLatch(1);
        CountDownLatch readDone = new CountDownLatch(1);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<?> writer = pool.submit(() -> {
                db.useTransaction(s -> {
                    s.execute("insert into item(id) values (2)");
                    writing.countDown();
                    assertThat(readDone.await(30, TimeUnit.SECONDS)).isTrue();
                });
                return null;
            });
            assertThat(writing.await(30, TimeUnit.SECONDS)).isTrue();
            int seen = db.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from item")
                    .mapTo(int.class).one());
            readDone.countDown();
            writer.get(30, TimeUnit.SECONDS);
            assertThat(seen).as("the reader sees only committed rows").isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(count("item")).isEqualTo(2);
    }

    @Test
    void conflictsAreRetriedThenSucceed() {
        AtomicInteger attempts = new AtomicInteger();
        db.useTransaction(s -> s.execute("create table t (x integer)"));
        int result = db.inTransaction(s -> {
            s.execute("insert into t(x) values (?)", attempts.incrementAndGet());
            if (attempts.get() < 3) {
                throw new RuntimeException("wrapped by the application", serializationFailure());
            }
            return 42;
        });
        assertThat(result).isEqualTo(42);
        assertThat(attempts).hasValue(3);
        List<Integer> kept = db.inTransaction(s -> s.handle().createQuery("select x from t").mapTo(int.class).list());
        assertThat(kept).as("only the successful attempt's work is kept").containsExactly(3);
    }

    @Test
    void retriesAreBoundedAndTheErrorSaysHowManyWereMade() {
        try (Database limited = target().builder().maxAttempts(4).retryBackoff(java.time.Duration.ofMillis(1)).open()) {
            AtomicInteger attempts = new AtomicInteger();
            assertThatThrownBy(() -> limited.useTransaction(s -> {
                attempts.incrementAndGet();
                throw new IllegalStateException(serializationFailure());
            })).isInstanceOfSatisfying(TransactionConflictException.class, e -> {
                assertThat(e.attempts()).isEqualTo(4);
                assertThat(e.getMessage()).contains("4 attempts").contains("maxAttempts");
            });
            assertThat(attempts).hasValue(4);
        }
    }

    @Test
    void otherFailuresAreNotRetried() {
        AtomicInteger attempts = new AtomicInteger();
        assertThatThrownBy(() -> db.useTransaction(s -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("a bug, not a conflict");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(attempts).hasValue(1);
    }

    /** PostgreSQL needs a row lock for a correct read-modify-write at READ COMMITTED; SQLite has one writer. */
    protected String forUpdate(String select) {
        return target().backend().equals("sqlite") ? select : select + " for update";
    }

    private static SQLException serializationFailure() {
        return new SQLException("could not serialize access due to concurrent update", "40001");
    }

    static void runConcurrently(int threads, Callable<Void> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Void>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return work.call();
                }));
            }
            start.countDown();
            for (Future<Void> f : futures) {
                f.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aThreadWhoseInterruptFlagIsSetGetsConnectionExceptionAndKeepsTheFlag() {
        boolean flagAfter;
        try {
            Thread.currentThread().interrupt();
            assertThatThrownBy(() -> db.useTransaction(s -> s.execute("create table never (x integer)")))
                    .isInstanceOf(ConnectionException.class).hasMessageContaining("interrupt flag is set");
            assertThatThrownBy(() -> db.ping()).isInstanceOf(ConnectionException.class);
        } finally {
            flagAfter = Thread.interrupted();
        }
        assertThat(flagAfter).as("the interrupt flag stays set").isTrue();
        db.useTransaction(s -> s.execute("create table after_interrupt (x integer)"));
    }

    @Test
    void aThreadInterruptedWhileWaitingForAConnectionGetsConnectionExceptionAndKeepsTheFlag() throws Exception {
        try (Database one = target().builder().maxPoolSize(1).connectionTimeout(Duration.ofSeconds(60)).open()) {
            one.useTransaction(s -> s.execute("create table t (x integer)"));
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Thread holder = new Thread(() -> {
                try {
                    one.useTransaction(s -> {
                        s.execute("insert into t(x) values (1)");
                        holding.countDown();
                        release.await();
                    });
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            holder.start();
            assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean flag = new AtomicBoolean();
            Thread waiter = new Thread(() -> {
                try {
                    one.useTransaction(s -> s.execute("insert into t(x) values (2)"));
                } catch (Throwable t) {
                    failure.set(t);
                    flag.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (waiter.getState() != Thread.State.TIMED_WAITING && waiter.getState() != Thread.State.WAITING
                    && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            waiter.interrupt();
            waiter.join(TimeUnit.SECONDS.toMillis(30));
            release.countDown();
            holder.join(TimeUnit.SECONDS.toMillis(30));
            assertThat(failure.get()).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("interrupted while waiting for a connection");
            assertThat(flag).as("the interrupt flag stays set").isTrue();
            int rows = one.inTransaction(s -> s.handle().createQuery("select count(*) from t").mapTo(int.class).one());
            assertThat(rows).as("only the holder's row").isEqualTo(1);
        }
    }

    /** An entity to stream. */
    public record Item(@Id Long id, String name) {
    }

    @Test
    void anExhaustedPoolNamesWhatHoldsItsConnections() {
        for (boolean leakDetection : new boolean[] {false, true}) {
            try (Database one = target().builder().maxPoolSize(1).connectionTimeout(Duration.ofMillis(250))
                    .leakDetection(leakDetection).open()) {
                one.schema().create(Item.class);
                one.repository(Item.class).insert(new Item(null, "a"));
                Stream<Item> forgotten = one.repository(Item.class).stream();
                assertThat(forgotten.iterator().next().name()).isEqualTo("a");
                Throwable failure = catchThrowable(() -> one.inReadOnlyTransaction(s -> 1));
                assertThat(failure).isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("Holding them: 1 open stream (oldest ")
                        .hasMessageContaining("on thread " + Thread.currentThread().getName())
                        .hasMessageContaining("try-with-resources");
                if (leakDetection) {
                    assertThat(failure).hasMessageContaining("ConcurrencyContract.anExhaustedPoolNamesWhatHoldsItsConnections");
                } else {
                    assertThat(failure).hasMessageContaining("leakDetection(true) shows where");
                }
                forgotten.close();
                int after = one.inReadOnlyTransaction(s -> 1);
                assertThat(after).isEqualTo(1);
            }
        }
    }
}
