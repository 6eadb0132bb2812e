package io.dataport.postgres.reliability;

import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.contract.Reliability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover: one {@code Database} on a libpq multi-host URL ({@code target_session_attrs=read-write}) over a
 * private primary and its synchronous standby. Writers commit numbered rows while the primary crashes and the
 * standby is promoted; the same {@code Database} goes on without a restart: work in flight fails with
 * {@link ConnectionException} (a commit in flight as outcome-unknown), new transactions reach the new primary,
 * and every acknowledged commit is there. Prints the timeline. Bounded in time.
 */
@Tag(Reliability.TAG)
class PostgresFailoverTest {
    private static final Duration STEP = Replication.STEP;
    private static final int WRITERS = 4;
    private static final int BEFORE = 200;
    private static final int AFTER = 200;
    private static Replication clusters;
    private static PrivateCluster primary;
    private static PrivateCluster standby;

    @BeforeAll
    static void startClusters() throws Exception {
        clusters = Replication.start();
        primary = clusters.primary;
        standby = clusters.standby;
        // Synchronous: an acknowledged commit is on the standby too, so none is lost when it takes over. (With
        // asynchronous replication a failover loses what the standby had not received: the lag.)
        primary.sql("alter system set synchronous_standby_names = '*'", "select pg_reload_conf()");
        // The standby reports itself as synchronous once the primary re-read its configuration.
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!"sync".equals(primary.query("select coalesce(max(sync_state), 'none') from pg_stat_replication"))) {
            assertThat(System.nanoTime() - deadline).as("the standby to be synchronous").isNegative();
            java.util.concurrent.locks.LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @AfterAll
    static void stopClusters() {
        if (clusters != null) {
            clusters.close();
        }
    }

    @Test
    void theSameDatabaseGoesOnOnThePromotedStandbyAndNoAcknowledgedCommitIsLost() throws Exception {
        String url = "postgresql://app:" + clusters.password + "@" + primary.host() + ":" + primary.port() + ","
                + standby.host() + ":" + standby.port() + "/shop?sslmode=disable&target_session_attrs=read-write";
        try (Database db = Database.builder(url).connectionTimeout(Duration.ofSeconds(5)).open()) {
            db.useTransaction(s -> s.execute("create table ledger (id bigint primary key, writer int not null)"));
            Set<Long> acknowledged = Collections.synchronizedSet(new HashSet<>());
            ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
            AtomicLong ids = new AtomicLong();
            AtomicLong crashedAt = new AtomicLong();
            // Set once the old primary is down: a commit begun after it ran on the new primary.
            AtomicLong downAt = new AtomicLong();
            AtomicLong firstAfterCrash = new AtomicLong();
            AtomicLong acksAfterCrash = new AtomicLong();
            AtomicBoolean stop = new AtomicBoolean();
            CountDownLatch enoughBefore = new CountDownLatch(BEFORE);
            CountDownLatch enoughAfter = new CountDownLatch(AFTER);
            List<CompletableFuture<Void>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(CompletableFuture.runAsync(() -> {
                    while (!stop.get()) {
                        long id = ids.incrementAndGet();
                        long started = System.nanoTime();
                        try {
                            db.useTransaction(s -> s.execute("insert into ledger(id, writer) values (?, ?)", id, writer));
                        } catch (ConnectionException e) {
                            failures.add(e);
                            continue;
                        }
                        acknowledged.add(id);
                        enoughBefore.countDown();
                        long down = downAt.get();
                        if (down != 0 && started - down > 0) {
                            firstAfterCrash.compareAndSet(0, System.nanoTime());
                            acksAfterCrash.incrementAndGet();
                            enoughAfter.countDown();
                        }
                    }
                }));
            }
            try {
                assertThat(enoughBefore.await(STEP.toSeconds(), TimeUnit.SECONDS)).isTrue();
                crashedAt.set(System.nanoTime());
                primary.crash();
                long crashed = System.nanoTime();
                downAt.set(crashed);
                standby.promote();
                long promoted = System.nanoTime();
                assertThat(enoughAfter.await(STEP.toSeconds(), TimeUnit.SECONDS))
                        .as("commits reach the new primary without a restart").isTrue();
                System.out.printf("Failover timeline: the crash took %d ms and the promotion %d ms; the first commit "
                                + "begun after the crash was acknowledged %d ms after the old primary was down (%d ms "
                                + "after the promotion); %d transactions failed meanwhile, %d of them as outcome-unknown "
                                + "commits%n", ms(crashed - crashedAt.get()), ms(promoted - crashed),
                        ms(firstAfterCrash.get() - crashed), ms(firstAfterCrash.get() - promoted), failures.size(),
                        failures.stream().filter(f -> String.valueOf(f.getMessage()).contains("may or may not"))
                                .count());
            } finally {
                stop.set(true);
                CompletableFuture.allOf(writers.toArray(new CompletableFuture<?>[0])).get(STEP.toSeconds(),
                        TimeUnit.SECONDS);
            }
            assertThat(failures).allSatisfy(f -> assertThat(f).isInstanceOf(ConnectionException.class));
            List<Long> present = db.inTransaction(s -> s.handle().createQuery("select id from ledger")
                    .mapTo(long.class).list());
            assertThat(new HashSet<>(present)).as("every acknowledged commit survived the failover")
                    .containsAll(acknowledged);
            boolean inRecovery = db.inTransaction(s -> s.handle().createQuery("select pg_is_in_recovery()")
                    .mapTo(boolean.class).one());
            assertThat(inRecovery).as("the Database writes on the promoted standby").isFalse();
            assertThat(acknowledged.size()).isGreaterThanOrEqualTo(BEFORE + AFTER);
        }
    }

    private static long ms(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
