package io.dataport.contract;

import io.dataport.AsyncDatabase;
import io.dataport.AsyncQueueFullException;
import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.DuplicateKeyException;
import io.dataport.QueryTimeoutException;
import io.dataport.Session;
import io.dataport.SessionMisuseException;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@link Database#async()} on every backend: work completes through futures with nothing lost, a full queue
 * refuses at once, a cancel stops waiting and running work (its statement included) and rolls it back, and
 * {@code close()} fails waiting work, waits for running work and stops the threads. Latches order the steps;
 * times are only upper bounds that prove nothing hangs.
 */
public abstract class AsyncContract extends ContractSupport {
    /** Far above what any step here takes, far below the runaway statement's minutes. */
    private static final long BOUND_SECONDS = 30;

    @Test
    void aThousandConcurrentTransactionsCompleteWithNothingLost() throws Exception {
        Database many = target().builder().maxAttempts(100).open();
        try {
            many.useTransaction(s -> {
                s.execute("create table counter (id integer primary key, n integer not null)");
                s.execute("create table item (id integer primary key)");
                s.execute("insert into counter(id, n) values (1, 0)");
            });
            AsyncDatabase async = many.async();
            List<CompletableFuture<Integer>> writes = new ArrayList<>();
            List<CompletableFuture<Integer>> reads = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                int id = i;
                writes.add(async.inTransaction(s -> {
                    s.execute("insert into item(id) values (?)", id);
                    int n = s.handle().createQuery("select n from counter where id = 1").mapTo(int.class).one();
                    s.execute("update counter set n = ? where id = 1", n + 1);
                    return id;
                }));
                if (i % 4 == 0) {
                    reads.add(async.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from item")
                            .mapTo(int.class).one()));
                }
            }
            CompletableFuture.allOf(writes.toArray(new CompletableFuture<?>[0]))
                    .get(BOUND_SECONDS * 4, TimeUnit.SECONDS);
            Set<Integer> done = new HashSet<>();
            for (CompletableFuture<Integer> w : writes) {
                done.add(w.join());
            }
            assertThat(done).hasSize(1000);
            for (CompletableFuture<Integer> r : reads) {
                assertThat(r.get(BOUND_SECONDS, TimeUnit.SECONDS)).isBetween(0, 1000);
            }
            assertThat(ints(many, "select n from counter")).as("every read-modify-write counted once: no update lost")
                    .containsExactly(1000);
            assertThat(ints(many, "select count(*) from item")).containsExactly(1000);
        } finally {
            many.close();
        }
    }

    @Test
    void asManyThreadsAsThePoolHasConnectionsVirtualWhereTheJvmHasThem() throws Exception {
        AsyncDatabase async = db.async();
        assertThat(async).isSameAs(db.async());
        assertThat(async.threads()).isEqualTo(db.metrics().maxConnections()).isPositive();
        assertThat(async.queueCapacity()).isEqualTo(10_000);
        Thread worker = async.withSession(s -> Thread.currentThread()).get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(worker).isNotSameAs(Thread.currentThread());
        boolean jvmHasThem = Runtime.version().feature() >= 21;
        assertThat(async.usesVirtualThreads()).isEqualTo(jvmHasThem);
        assertThat(isVirtual(worker)).isEqualTo(jvmHasThem);
        assertThat(worker.getName()).startsWith("dataport-async-");
    }

    @Test
    void failuresComeThroughTheFutureAsTheSyncCallThrowsThem() {
        db.useTransaction(s -> s.execute("create table t (id integer primary key)"));
        CompletableFuture<Object> checked = db.async().inTransaction(s -> {
            s.execute("insert into t(id) values (1)");
            throw new IOException("disk said no");
        });
        assertThatThrownBy(() -> checked.get(BOUND_SECONDS, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(IOException.class).hasMessage("disk said no");
        assertThat(count("t")).as("rolled back").isZero();
        db.useTransaction(s -> s.execute("insert into t(id) values (1)"));
        CompletableFuture<Void> duplicate = db.async().useTransaction(s -> s.execute("insert into t(id) values (1)"));
        assertThatThrownBy(duplicate::join).isInstanceOf(CompletionException.class)
                .cause().isInstanceOf(DuplicateKeyException.class);
    }

    @Test
    void theSessionStaysOnItsThreadAndInItsCallback() throws Exception {
        Session leaked = db.async().withSession(s -> s).get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThatThrownBy(() -> leaked.execute("select 1")).isInstanceOf(SessionMisuseException.class);
    }

    @Test
    void aFullQueueRefusesAtOnceAndNothingOfTheRefusedWorkRuns() throws Exception {
        Database small = target().builder().asyncQueueCapacity(3).open();
        CountDownLatch release = new CountDownLatch(1);
        try {
            small.useTransaction(s -> s.execute("create table t (id integer primary key)"));
            AsyncDatabase async = small.async();
            List<CompletableFuture<?>> accepted = new ArrayList<>();
            for (int i = 0; i < async.threads(); i++) {
                accepted.add(async.withSession(s -> release.await(BOUND_SECONDS, TimeUnit.SECONDS)));
            }
            for (int i = 1; i <= 3; i++) {
                int id = i;
                accepted.add(async.useTransaction(s -> s.execute("insert into t(id) values (?)", id)));
            }
            assertThat(async.queued()).isEqualTo(3);
            CompletableFuture<Void> refused = async.useTransaction(s -> s.execute("insert into t(id) values (4)"));
            assertThat(refused).isCompletedExceptionally();
            assertThatThrownBy(refused::join).cause().isInstanceOf(AsyncQueueFullException.class)
                    .hasMessageContaining("3 pieces of work already wait")
                    .hasMessageContaining("asyncQueueCapacity");
            release.countDown();
            CompletableFuture.allOf(accepted.toArray(new CompletableFuture<?>[0])).get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(ints(small, "select id from t order by id")).containsExactly(1, 2, 3);
        } finally {
            release.countDown();
            small.close();
        }
    }

    @Test
    void cancellingWaitingWorkMeansItNeverRuns() throws Exception {
        db.useTransaction(s -> s.execute("create table t (id integer primary key)"));
        AsyncDatabase async = db.async();
        CountDownLatch release = new CountDownLatch(1);
        List<CompletableFuture<?>> blockers = new ArrayList<>();
        for (int i = 0; i < async.threads(); i++) {
            blockers.add(async.withSession(s -> release.await(BOUND_SECONDS, TimeUnit.SECONDS)));
        }
        CompletableFuture<Void> waiting = async.useTransaction(s -> s.execute("insert into t(id) values (1)"));
        assertThat(waiting.cancel(true)).isTrue();
        release.countDown();
        CompletableFuture.allOf(blockers.toArray(new CompletableFuture<?>[0])).get(BOUND_SECONDS, TimeUnit.SECONDS);
        CompletableFuture<Void> after = async.useTransaction(s -> s.execute("insert into t(id) values (2)"));
        after.get(BOUND_SECONDS, TimeUnit.SECONDS);
        assertThat(waiting).isCancelled();
        assertThat(ints(db, "select id from t")).containsExactly(2);
    }

    @Test
    void cancellingRunningWorkStopsItsStatementAndRollsItBack() throws Exception {
        CountDownLatch runawayStarts = new CountDownLatch(1);
        Database watched = target().builder()
                .statementListener(sql -> {
                    if (sql.startsWith("WITH RECURSIVE")) {
                        runawayStarts.countDown();
                    }
                }).open();
        try {
            watched.useTransaction(s -> s.execute("create table t (id integer primary key)"));
            CountDownLatch ended = new CountDownLatch(1);
            AtomicReference<Throwable> seen = new AtomicReference<>();
            CompletableFuture<Long> running = watched.async().inTransaction(s -> {
                s.execute("insert into t(id) values (1)");
                try {
                    return s.handle().createQuery(QueryTimeoutContract.RUNAWAY).mapTo(long.class).one();
                } catch (RuntimeException e) {
                    seen.set(e);
                    throw e;
                } finally {
                    ended.countDown();
                }
            });
            assertThat(runawayStarts.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(running.cancel(true)).isTrue();
            assertThat(ended.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("the runaway statement was stopped").isTrue();
            assertThat(seen.get()).isInstanceOf(QueryTimeoutException.class);
            assertThatThrownBy(running::join).isInstanceOf(CancellationException.class);
            assertThat(ints(watched, "select count(*) from t")).as("rolled back").containsExactly(0);
            CompletableFuture<Integer> next = watched.async().inTransaction(s -> {
                s.execute("insert into t(id) values (2)");
                return s.handle().createQuery("select count(*) from t").mapTo(int.class).one();
            });
            assertThat(next.get(BOUND_SECONDS, TimeUnit.SECONDS)).as("the connection and the threads go on")
                    .isEqualTo(1);
        } finally {
            watched.close();
        }
    }

    @Test
    void cancelledWorkNeverCommitsEvenWhenItsCallbackSwallowsTheInterrupt() throws Exception {
        db.useTransaction(s -> s.execute("create table t (id integer primary key)"));
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Throwable> afterCancel = new AtomicReference<>();
        CompletableFuture<Integer> work = db.async().inTransaction(s -> {
            s.execute("insert into t(id) values (1)");
            inserted.countDown();
            try {
                never.await(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException swallowed) {
                // A careless callback: it goes on as if nothing happened.
            }
            try {
                s.execute("insert into t(id) values (2)");
            } catch (RuntimeException e) {
                afterCancel.set(e);
            } finally {
                ended.countDown();
            }
            return 1;
        });
        assertThat(inserted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(work.cancel(true)).isTrue();
        assertThat(ended.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(afterCancel.get()).as("no statement starts once cancelled").isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("cancelled");
        // The worker's next work runs only after the cancelled one ended: then its rollback is done.
        assertThat(db.async().withSession(s -> 0).get(BOUND_SECONDS, TimeUnit.SECONDS)).isZero();
        for (int i = 0; i < db.async().threads(); i++) {
            db.async().withSession(s -> 0).get(BOUND_SECONDS, TimeUnit.SECONDS);
        }
        assertThat(ints(db, "select count(*) from t")).as("rolled back, not committed").containsExactly(0);
    }

    @Test
    void completingTheFutureFirstInterruptsTheWork() throws Exception {
        AsyncDatabase async = db.async();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        AtomicReference<Throwable> seen = new AtomicReference<>();
        AtomicReference<Thread> interrupted = new AtomicReference<>();
        CompletableFuture<Boolean> work = async.withSession(s -> {
            interrupted.set(Thread.currentThread());
            started.countDown();
            try {
                return never.await(BOUND_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                seen.set(e);
                throw e;
            }
        });
        assertThat(started.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(work.completeExceptionally(new TimeoutException("as orTimeout does"))).isTrue();
        // Work runs on the interrupted thread again only once its interrupted work ended, and finds the flag clear.
        boolean reused = false;
        for (int i = 0; i < 1000 && !reused; i++) {
            Object[] ran = async.withSession(s -> new Object[] {Thread.currentThread(), Thread.interrupted()})
                    .get(BOUND_SECONDS, TimeUnit.SECONDS);
            assertThat(ran[1]).as("each work starts with the interrupt flag clear").isEqualTo(false);
            reused = ran[0] == interrupted.get();
        }
        assertThat(reused).isTrue();
        assertThat(seen.get()).isInstanceOf(InterruptedException.class);
    }

    @Test
    void closeFailsWaitingWorkWaitsForRunningWorkAndStopsTheThreads() throws Exception {
        String url = target().freshUrl();
        Database closing = Database.open(url);
        closing.useTransaction(s -> s.execute("create table t (id integer primary key)"));
        AsyncDatabase async = closing.async();
        CountDownLatch inserted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicReference<Thread> worker = new AtomicReference<>();
        CompletableFuture<Integer> running = async.inTransaction(s -> {
            worker.set(Thread.currentThread());
            s.execute("insert into t(id) values (1)");
            inserted.countDown();
            release.await(BOUND_SECONDS, TimeUnit.SECONDS);
            return 1;
        });
        assertThat(inserted.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        List<CompletableFuture<?>> blockers = new ArrayList<>();
        for (int i = 1; i < async.threads(); i++) {
            blockers.add(async.withSession(s -> release.await(BOUND_SECONDS, TimeUnit.SECONDS)));
        }
        CompletableFuture<Void> waiting = async.useTransaction(s -> s.execute("insert into t(id) values (2)"));
        CompletableFuture<Void> closed = CompletableFuture.runAsync(closing::close);
        assertThatThrownBy(() -> waiting.get(BOUND_SECONDS, TimeUnit.SECONDS)).cause()
                .isInstanceOf(ConnectionException.class).hasMessageContaining("did not run");
        assertThat(closed).as("close waits for the running work").isNotDone();
        assertThatThrownBy(closing::async).isInstanceOf(ConnectionException.class);
        release.countDown();
        assertThat(running.get(BOUND_SECONDS, TimeUnit.SECONDS)).isEqualTo(1);
        closed.get(BOUND_SECONDS, TimeUnit.SECONDS);
        worker.get().join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        assertThat(worker.get().isAlive()).as("the threads stopped").isFalse();
        try (Database reopened = Database.open(url)) {
            assertThat(ints(reopened, "select id from t")).as("the running work committed; the waiting work never ran")
                    .containsExactly(1);
        }
    }

    private static List<Integer> ints(Database database, String sql) {
        return database.inTransaction(s -> s.handle().createQuery(sql).mapTo(int.class).list());
    }

    private static boolean isVirtual(Thread t) throws Exception {
        try {
            Method m = Thread.class.getMethod("isVirtual");
            return (Boolean) m.invoke(t);
        } catch (NoSuchMethodException e) {
            return false;
        }
    }
}
