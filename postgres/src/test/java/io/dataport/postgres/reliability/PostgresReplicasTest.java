package io.dataport.postgres.reliability;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.ReplicaMetrics;
import io.dataport.contract.Reliability;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Read replicas against a real streaming standby of a private primary ({@link PrivateCluster}): read-only work
 * lands on the standby ({@code pg_is_in_recovery()}), writes on the primary; a thread reads its own writes while
 * the standby's replay is paused, and another thread does with the writer's token; a standby that lags too far
 * or stops is taken out, the reads go on on the primary, and it is put back once it is fine. Bounded in time:
 * the waits end on a condition (a check every quarter of the lag bound, at most a second), or fail at a deadline.
 */
@Tag(Reliability.TAG)
class PostgresReplicasTest {
    private static final Duration STEP = Replication.STEP;
    private static Replication clusters;
    private static PrivateCluster primary;
    private static PrivateCluster standby;

    private Database db;

    /** A row of the test's table. */
    @Table("item")
    public record Item(@Id Long id, String name) {
    }

    @BeforeAll
    static void startClusters() throws Exception {
        clusters = Replication.start();
        primary = clusters.primary;
        standby = clusters.standby;
    }

    @AfterAll
    static void stopClusters() {
        if (clusters != null) {
            clusters.close();
        }
    }

    @BeforeEach
    void open() throws Exception {
        db = replicated(true, Duration.ofMinutes(10));
        db.useTransaction(s -> {
            s.execute("drop table if exists item");
            s.execute("create table item (id bigserial primary key, name varchar(100))");
        });
        standby.awaitCaughtUp(primary, STEP);
    }

    @AfterEach
    void close() throws Exception {
        if (db != null) {
            db.close();
        }
        standby.resumeReplay();
    }

    private Database replicated(boolean readYourWrites, Duration maxLag) {
        return Database.builder(clusters.url()).replica(clusters.standbyAddress())
                .readYourWrites(readYourWrites).maxReplicaLag(maxLag).open();
    }

    private static boolean inRecovery(Database d, boolean readOnly) {
        String sql = "select pg_is_in_recovery()";
        return readOnly ? d.inReadOnlyTransaction(s -> s.handle().createQuery(sql).mapTo(boolean.class).one())
                : d.inTransaction(s -> s.handle().createQuery(sql).mapTo(boolean.class).one());
    }

    private static long count(Database d) {
        return d.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from item").mapTo(long.class)
                .one());
    }

    private static ReplicaMetrics replica(Database d) {
        return d.metrics().replicas().get(0);
    }

    /** Runs {@code work} on a thread of its own, which has no earlier writes or tokens. */
    private static long onNewThread(java.util.function.LongSupplier work) throws Exception {
        return CompletableFuture.supplyAsync(work::getAsLong, task -> new Thread(task).start())
                .get(STEP.toSeconds(), TimeUnit.SECONDS);
    }

    /** Waits, at most {@link #STEP}, for what the replica checks see; they run every quarter of the lag bound. */
    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + STEP.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited %s for %s", STEP, what).isNegative();
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    @Test
    void readOnlyWorkRunsOnTheStandbyAndWritesOnThePrimary() throws Exception {
        CrudRepository<Item, Long> items = db.repository(Item.class);
        long id = items.insert(new Item(null, "ada")).id();
        assertThat(inRecovery(db, false)).as("a read-write transaction runs on the primary").isFalse();
        standby.awaitCaughtUp(primary, STEP);
        await("a read-only transaction to run on the standby, once a check saw it replay the writes",
                () -> inRecovery(db, true));
        long before = replica(db).reads();
        assertThat(items.findById(id)).map(Item::name).contains("ada");
        assertThat(items.count()).isEqualTo(1);
        assertThat(replica(db).reads()).as("repository reads outside a transaction too").isEqualTo(before + 2);
        assertThat(replica(db).serving()).isTrue();
        assertThat(replica(db).lag()).isNotNull();
    }

    @Test
    void aThreadReadsItsOwnWritesWhileTheStandbyLags() throws Exception {
        standby.pauseReplay();
        long primaryReads = db.metrics().readsOnPrimary();
        db.useTransaction(s -> s.execute("insert into item(name) values ('grace')"));
        standby.awaitReceived(primary, STEP);
        assertThat(count(db)).as("the writer's thread sees its write").isEqualTo(1);
        assertThat(db.metrics().readsOnPrimary()).as("read on the primary: the standby has not replayed it")
                .isEqualTo(primaryReads + 1);
        String token = db.lastWriteToken();
        assertThat(token).matches("[0-9A-F]+/[0-9A-F]+");
        long withToken = onNewThread(() -> {
            db.readAfter(token);
            return count(db);
        });
        assertThat(withToken).as("another thread with the writer's token sees it too").isEqualTo(1);
        long withoutToken = onNewThread(() -> count(db));
        assertThat(withoutToken).as("a thread without it reads the lagging standby: the lag is real").isZero();

        standby.resumeReplay();
        standby.awaitCaughtUp(primary, STEP);
        await("the writer's reads to go to the standby again, once a check saw it caught up", () -> {
            long onReplica = replica(db).reads();
            return count(db) == 1 && replica(db).reads() == onReplica + 1;
        });
    }

    @Test
    void withoutReadYourWritesTheWritersReadsMayMissItsWrite() throws Exception {
        try (Database lax = replicated(false, Duration.ofMinutes(10))) {
            standby.pauseReplay();
            lax.useTransaction(s -> s.execute("insert into item(name) values ('linus')"));
            standby.awaitReceived(primary, STEP);
            assertThat(count(lax)).isZero();
        }
    }

    @Test
    void aStandbyThatLagsTooFarIsTakenOutAndPutBack() throws Exception {
        try (Database strict = replicated(false, Duration.ofMillis(400))) {
            await("the standby to serve", () -> replica(strict).serving());
            standby.pauseReplay();
            strict.useTransaction(s -> s.execute("insert into item(name) values ('barbara')"));
            standby.awaitReceived(primary, STEP);
            await("the lagging standby to be taken out", () -> !replica(strict).serving());
            assertThat(replica(strict).notServingBecause()).contains("lags").contains("maxReplicaLag");
            assertThat(replica(strict).removals()).isEqualTo(1);
            assertThat(inRecovery(strict, true)).as("its reads go to the primary").isFalse();
            assertThat(count(strict)).isEqualTo(1);

            standby.resumeReplay();
            await("the standby to be put back", () -> replica(strict).serving());
            assertThat(inRecovery(strict, true)).as("without read-your-writes, at once").isTrue();
        }
    }

    @Test
    void aStoppedStandbyIsTakenOutTheReadsGoOnAndItComesBack() throws Exception {
        db.useTransaction(s -> s.execute("insert into item(name) values ('edsger')"));
        standby.awaitCaughtUp(primary, STEP);
        await("reads on the standby", () -> inRecovery(db, true));
        standby.stop();
        try {
            assertThat(count(db)).as("the read goes on, on the primary").isEqualTo(1);
            assertThat(inRecovery(db, true)).isFalse();
            await("the stopped standby to be taken out", () -> !replica(db).serving());
            assertThat(replica(db).removals()).isPositive();
        } finally {
            standby.startAgain();
        }
        standby.awaitCaughtUp(primary, STEP);
        await("the standby to be put back", () -> replica(db).serving());
        await("reads on the standby again", () -> inRecovery(db, true));
        assertThat(count(db)).isEqualTo(1);
    }
}
