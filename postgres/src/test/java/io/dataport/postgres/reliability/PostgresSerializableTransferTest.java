package io.dataport.postgres.reliability;

import io.dataport.Database;
import io.dataport.TransactionConflictException;
import io.dataport.TransactionIsolation;
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
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scenario 10: SERIALIZABLE transfers between 10 accounts from 8 threads. The total is conserved, the
 * serialization failures were retried (counted by {@link Database#retryCount()}), and a transaction that runs
 * out of attempts fails with a clear {@link TransactionConflictException}.
 */
@Tag(Reliability.TAG)
class PostgresSerializableTransferTest {
    static final int ACCOUNTS = 10;
    static final int START_BALANCE = 1000;

    @Test
    void serializableTransfersConserveTheTotalAndAreRetried() throws Exception {
        int threads = 8;
        int perThread = Reliability.size("transfer.perThread", 150, 500);
        long start = System.nanoTime();
        AtomicInteger attempts = new AtomicInteger();
        ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
        try (Database db = Database.builder(PgFaults.freshUrl()).maxPoolSize(threads).maxAttempts(30).open()) {
            db.useTransaction(s -> {
                s.execute("create table account (id int primary key, balance int not null check (balance >= 0))");
                for (int i = 0; i < ACCOUNTS; i++) {
                    s.execute("insert into account(id, balance) values (?, ?)", i, START_BALANCE);
                }
            });
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    futures.add(pool.submit(() -> {
                        go.await();
                        for (int i = 0; i < perThread; i++) {
                            int from = ThreadLocalRandom.current().nextInt(ACCOUNTS);
                            int to = (from + 1 + ThreadLocalRandom.current().nextInt(ACCOUNTS - 1)) % ACCOUNTS;
                            int amount = 1 + ThreadLocalRandom.current().nextInt(50);
                            try {
                                db.useTransaction(TransactionIsolation.SERIALIZABLE, s -> {
                                    attempts.incrementAndGet();
                                    int balance = s.handle().createQuery("select balance from account where id = ?")
                                            .bind(0, from).mapTo(int.class).one();
                                    if (balance >= amount) {
                                        s.execute("update account set balance = balance - ? where id = ?", amount, from);
                                        s.execute("update account set balance = balance + ? where id = ?", amount, to);
                                    }
                                });
                            } catch (Throwable e) {
                                errors.add(e);
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(5, TimeUnit.MINUTES);
                }
            } finally {
                pool.shutdownNow();
            }
            long total = db.inTransaction(s -> s.handle().createQuery("select sum(balance) from account")
                    .mapTo(long.class).one());
            String isolation = db.inTransaction(TransactionIsolation.SERIALIZABLE, s -> s.handle()
                    .createQuery("show transaction_isolation").mapTo(String.class).one());
            String weaker = db.inTransaction(TransactionIsolation.READ_COMMITTED, s -> s.handle()
                    .createQuery("show transaction_isolation").mapTo(String.class).one());
            String afterwards = db.inTransaction(s -> s.handle().createQuery("show transaction_isolation")
                    .mapTo(String.class).one());
            assertThat(errors).isEmpty();
            assertThat(total).as("total is conserved").isEqualTo((long) ACCOUNTS * START_BALANCE);
            assertThat(db.retryCount()).as("serialization failures retried").isPositive()
                    .isEqualTo(attempts.get() - (long) threads * perThread);
            assertThat(isolation).isEqualTo("serializable");
            assertThat(weaker).as("a level asked for is exactly that level").isEqualTo("read committed");
            assertThat(afterwards).as("the next transaction is back at the default level").isEqualTo("serializable");
            Reliability.figures("10 postgres serializable transfers", "transfers=%d (8 threads), attempts=%d, "
                            + "serialization failures retried=%d, errors=0, elapsed=%d ms", threads * perThread,
                    attempts.get(), db.retryCount(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void runningOutOfAttemptsGivesAClearError() throws Exception {
        try (Database db = Database.builder(PgFaults.freshUrl()).maxAttempts(2).open()) {
            db.useTransaction(s -> {
                s.execute("create table account (id int primary key, balance int not null)");
                s.execute("insert into account(id, balance) values (1, 100)");
            });
            // Each attempt of the victim reads, lets a rival commit a write to the same row, then writes: 40001.
            ExecutorService rival = Executors.newSingleThreadExecutor();
            AtomicInteger victimAttempts = new AtomicInteger();
            try {
                assertThatThrownBy(() -> db.useTransaction(TransactionIsolation.SERIALIZABLE, s -> {
                    victimAttempts.incrementAndGet();
                    int balance = s.handle().createQuery("select balance from account where id = 1")
                            .mapTo(int.class).one();
                    rival.submit(() -> db.useTransaction(r -> r.execute("update account set balance = balance + 1 "
                            + "where id = 1"))).get(30, TimeUnit.SECONDS);
                    s.execute("update account set balance = ? where id = 1", balance - 10);
                })).isInstanceOfSatisfying(TransactionConflictException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("gave up after 2 attempts").contains("maxAttempts");
                });
            } finally {
                rival.shutdownNow();
            }
            assertThat(victimAttempts).hasValue(2);
            int balance = db.inTransaction(s -> s.handle().createQuery("select balance from account where id = 1")
                    .mapTo(int.class).one());
            assertThat(balance).as("only the rival's two increments landed").isEqualTo(102);
        }
    }
}
