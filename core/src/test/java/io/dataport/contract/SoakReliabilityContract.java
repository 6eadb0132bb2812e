package io.dataport.contract;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.DuplicateKeyException;
import io.dataport.OptimisticLockException;
import io.dataport.PageRequest;
import io.dataport.Sort;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import io.dataport.mapping.Version;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 17: 8 threads of mixed CRUD through {@link CrudRepository} for a while (20 s by default, the issue's
 * 60 s with {@code -Ddataport.reliability.full=true} or {@code -Ddataport.reliability.soak.seconds=60}) on a pool
 * smaller than the thread count. Zero errors other than those the test provokes (duplicate e-mails, stale
 * versions); afterwards no connection is still borrowed, every connection can be had at once, and the data adds up.
 */
@Tag(Reliability.TAG)
public abstract class SoakReliabilityContract {
    static final int THREADS = 8;
    static final int POOL = 3;

    /** A user with a unique e-mail address. */
    @Table("soak_user")
    public record SoakUser(@Id Long id, String name, @Column(unique = true) String email, long score) {
    }

    /** An account with optimistic locking, owned by one soak thread. */
    @Table("soak_account")
    public record SoakAccount(@Id Long id, int owner, long balance, @Version long version) {
    }

    /** The database the subclass tests. */
    protected abstract DatabaseTarget target();

    /** How many of the database's connections are borrowed now (pool statistics of the backend). */
    protected abstract int borrowedConnections(Database db) throws Exception;

    @Test
    void mixedCrudOnASmallPoolLeavesNoErrorAndNoLeak() throws Exception {
        Duration length = Reliability.seconds("soak.seconds", 20, 60);
        try (Database db = target().builder().maxPoolSize(POOL).connectionTimeout(Duration.ofSeconds(20)).open()) {
            db.schema().create(SoakUser.class, SoakAccount.class);
            CrudRepository<SoakUser, Long> users = db.repository(SoakUser.class);
            CrudRepository<SoakAccount, Long> accounts = db.repository(SoakAccount.class);
            List<SoakAccount> initial = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                initial.add(new SoakAccount(null, t, 0, 0));
            }
            List<SoakAccount> own = accounts.insertAll(initial);

            AtomicLong ops = new AtomicLong();
            AtomicLong provokedDuplicates = new AtomicLong();
            AtomicLong provokedStale = new AtomicLong();
            AtomicLong liveUsers = new AtomicLong();
            AtomicLong emails = new AtomicLong();
            long[] balances = new long[THREADS];
            ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
            long deadline = System.nanoTime() + length.toNanos();
            long start = System.nanoTime();
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            try {
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> futures = new ArrayList<>();
                for (int t = 0; t < THREADS; t++) {
                    int me = t;
                    futures.add(pool.submit(() -> {
                        go.await();
                        Random random = new Random(1000 + me);
                        List<Long> mine = new ArrayList<>();
                        SoakAccount account = own.get(me);
                        while (System.nanoTime() < deadline) {
                            int dice = random.nextInt(100);
                            try {
                                if (dice < 25) {
                                    SoakUser u = users.insert(new SoakUser(null, "user",
                                            "u" + emails.incrementAndGet() + "@example.com", random.nextInt(1000)));
                                    mine.add(u.id());
                                    liveUsers.incrementAndGet();
                                } else if (dice < 27 && !mine.isEmpty()) {
                                    SoakUser existing = users.findById(mine.get(0)).orElseThrow();
                                    try {
                                        users.insert(new SoakUser(null, "dup", existing.email(), 0));
                                        throw new AssertionError("duplicate e-mail accepted");
                                    } catch (DuplicateKeyException expected) {
                                        provokedDuplicates.incrementAndGet();
                                    }
                                } else if (dice < 42 && !mine.isEmpty()) {
                                    long id = mine.get(random.nextInt(mine.size()));
                                    assertThat(users.findById(id)).isPresent();
                                } else if (dice < 55) {
                                    long amount = 1 + random.nextInt(10);
                                    SoakAccount before = account;
                                    account = accounts.update(new SoakAccount(account.id(), me,
                                            account.balance() + amount, account.version()));
                                    balances[me] += amount;
                                    if (random.nextInt(10) == 0) {
                                        try {
                                            accounts.update(new SoakAccount(before.id(), me, 0, before.version()));
                                            throw new AssertionError("stale version accepted");
                                        } catch (OptimisticLockException expected) {
                                            provokedStale.incrementAndGet();
                                        }
                                    }
                                } else if (dice < 65 && !mine.isEmpty()) {
                                    long id = mine.remove(random.nextInt(mine.size()));
                                    assertThat(users.deleteById(id)).isTrue();
                                    liveUsers.decrementAndGet();
                                } else if (dice < 75) {
                                    users.findAll(PageRequest.of(random.nextInt(3), 20,
                                            random.nextBoolean() ? Sort.by("score") : Sort.parse("-name,id")));
                                } else if (dice < 82) {
                                    users.count();
                                    accounts.existsById(account.id());
                                } else if (dice < 87) {
                                    try (Stream<SoakUser> s = users.stream()) {
                                        s.limit(50).forEach(u -> { });
                                    }
                                } else {
                                    long amount = 1 + random.nextInt(10);
                                    SoakAccount current = account;
                                    List<Long> added = new ArrayList<>();
                                    account = db.inTransaction(s -> {
                                        // A conflict runs the callback again: only the last attempt's ids count.
                                        added.clear();
                                        CrudRepository<SoakUser, Long> tu = s.repository(SoakUser.class);
                                        for (int i = 0; i < 2; i++) {
                                            added.add(tu.insert(new SoakUser(null, "tx",
                                                    "t" + emails.incrementAndGet() + "@example.com", 1)).id());
                                        }
                                        return s.repository(SoakAccount.class).update(new SoakAccount(current.id(),
                                                me, current.balance() + amount, current.version()));
                                    });
                                    mine.addAll(added);
                                    liveUsers.addAndGet(added.size());
                                    balances[me] += amount;
                                }
                                ops.incrementAndGet();
                            } catch (Throwable e) {
                                errors.add(e);
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : futures) {
                    f.get(length.toSeconds() + 120, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            long elapsed = (System.nanoTime() - start) / 1_000_000;
            assertThat(errors).as("errors other than the provoked ones").isEmpty();
            assertThat(borrowedConnections(db)).as("connections still borrowed after the soak").isZero();
            assertEveryConnectionCanBeHadAtOnce(db);
            assertThat(users.count()).as("users inserted minus deleted").isEqualTo(liveUsers.get());
            for (int t = 0; t < THREADS; t++) {
                assertThat(accounts.findById(own.get(t).id()).orElseThrow().balance()).isEqualTo(balances[t]);
            }
            Reliability.figures("17 soak (" + target().backend() + ")", "threads=%d, pool=%d, operations=%d, "
                            + "provoked duplicates=%d, provoked stale versions=%d, other errors=0, retries=%d, "
                            + "borrowed after=0, elapsed=%d ms", THREADS, POOL, ops.get(), provokedDuplicates.get(),
                    provokedStale.get(), db.retryCount(), elapsed);
        }
    }

    /** POOL transactions held at once (read-only ones, then read-write ones): none waits on a leaked connection. */
    private static void assertEveryConnectionCanBeHadAtOnce(Database db) throws Exception {
        for (boolean readOnly : new boolean[] {true, false}) {
            int sessions = readOnly ? POOL : 1; // SQLite has one writer; PostgreSQL shares the pool
            CountDownLatch all = new CountDownLatch(sessions);
            ExecutorService pool = Executors.newFixedThreadPool(sessions);
            try {
                List<Future<Boolean>> held = new ArrayList<>();
                for (int i = 0; i < sessions; i++) {
                    held.add(pool.submit(() -> {
                        io.dataport.SessionCallback<Boolean, InterruptedException> hold = s -> {
                            all.countDown();
                            return all.await(15, TimeUnit.SECONDS);
                        };
                        return readOnly ? db.inReadOnlyTransaction(hold) : db.inTransaction(hold);
                    }));
                }
                for (Future<Boolean> f : held) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
