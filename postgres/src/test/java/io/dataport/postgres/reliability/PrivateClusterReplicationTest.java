package io.dataport.postgres.reliability;

import io.dataport.contract.Reliability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replication harness of {@link PrivateCluster} works, shown with raw JDBC so that nothing of Dataport is
 * under test: a standby of a private primary shows the primary's rows once caught up, is in recovery and refuses
 * writes, shows nothing new while its replay is paused (and a wait for it to catch up fails in time), refuses
 * connections while stopped and catches up once started again, streams again from a primary that crashed and came
 * back, and takes writes once promoted.
 *
 * <p>One primary and one standby serve the class; each test leaves them running, replaying and unpromoted, so the
 * tests run in any order. The promotion test promotes a standby of its own. Each test is bounded by
 * {@link Timeout}, in a thread of its own, and each wait in it by {@link #CATCH_UP}.
 */
@Tag(Reliability.TAG)
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class PrivateClusterReplicationTest {
    private static final Duration CATCH_UP = Duration.ofSeconds(30);
    private static final AtomicInteger IDS = new AtomicInteger();
    private static Replication clusters;
    private static PrivateCluster primary;
    private static PrivateCluster standby;

    @BeforeAll
    static void startClusters() throws Exception {
        clusters = Replication.start();
        primary = clusters.primary;
        standby = clusters.standby;
        try (Connection c = app(primary); Statement s = c.createStatement()) {
            s.execute("create table notes (id int primary key, body text not null)");
        }
    }

    @AfterAll
    static void stopClusters() {
        if (clusters != null) {
            clusters.close();
        }
    }

    @Test
    void aRowWrittenOnThePrimaryIsReadOnTheStandbyOnceCaughtUp() throws Exception {
        int id = insert(primary, "written on the primary");
        standby.awaitCaughtUp(primary, CATCH_UP);
        assertThat(body(standby, id)).isEqualTo("written on the primary");
    }

    @Test
    void theStandbyIsInRecoveryAndRefusesWrites() throws Exception {
        assertThat(standby.query("select pg_is_in_recovery()")).isEqualTo("t");
        assertThat(primary.query("select pg_is_in_recovery()")).isEqualTo("f");
        assertThatThrownBy(() -> insert(standby, "written on the standby")).as("an insert on the standby")
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(e.getMessage())
                        .isEqualTo("25006"));
    }

    @Test
    void withReplayPausedANewRowIsOnlyOnThePrimaryUntilReplayResumes() throws Exception {
        int id;
        standby.pauseReplay();
        try {
            id = insert(primary, "written while replay is paused");
            standby.awaitReceived(primary, CATCH_UP);
            assertThat(body(primary, id)).isEqualTo("written while replay is paused");
            assertThat(body(standby, id)).as("the row on the standby, which has its WAL but does not replay it")
                    .isNull();
            assertThatThrownBy(() -> standby.awaitCaughtUp(primary, Duration.ofMillis(300)))
                    .isInstanceOf(AssertionError.class).hasMessageContaining("within 300 ms")
                    .hasMessageContaining("replay paused");
        } finally {
            standby.resumeReplay();
        }
        standby.awaitCaughtUp(primary, CATCH_UP);
        assertThat(body(standby, id)).isEqualTo("written while replay is paused");
    }

    @Test
    void aStoppedStandbyRefusesConnectionsAndCatchesUpOnceStartedAgain() throws Exception {
        int port = standby.port();
        int id;
        standby.stop();
        try {
            assertRefused(standby);
            id = insert(primary, "written while the standby is down");
        } finally {
            standby.startAgain();
        }
        assertThat(standby.port()).isEqualTo(port);
        standby.awaitCaughtUp(primary, CATCH_UP);
        assertThat(body(standby, id)).isEqualTo("written while the standby is down");
    }

    @Test
    void aCrashedPrimaryComesBackWithItsRowsAndTheStandbyStreamsFromItAgain() throws Exception {
        int before = insert(primary, "committed before the crash");
        primary.crash();
        try {
            assertRefused(primary);
        } finally {
            primary.startAgain();
        }
        assertThat(body(primary, before)).isEqualTo("committed before the crash");
        int after = insert(primary, "written after the crash");
        standby.awaitCaughtUp(primary, CATCH_UP);
        assertThat(body(standby, after)).isEqualTo("written after the crash");
    }

    @Test
    void aPromotedStandbyTakesWrites() throws Exception {
        try (PrivateCluster spare = primary.startStandby()) {
            int replicated = insert(primary, "replicated before the promotion");
            spare.awaitCaughtUp(primary, CATCH_UP);
            assertThat(spare.query("select pg_is_in_recovery()")).isEqualTo("t");
            spare.promote();
            assertThat(spare.query("select pg_is_in_recovery()")).isEqualTo("f");
            int own = insert(spare, "written on the promoted standby");
            assertThat(body(spare, own)).isEqualTo("written on the promoted standby");
            assertThat(body(spare, replicated)).isEqualTo("replicated before the promotion");
            assertThat(body(primary, own)).as("the promoted standby's row on the old primary").isNull();
        }
    }

    private static Connection app(PrivateCluster cluster) throws SQLException {
        return DriverManager.getConnection(cluster.jdbcUrl("shop"), "app", clusters.password);
    }

    /** Inserts a note with a new id as the app user; returns the id. */
    private static int insert(PrivateCluster cluster, String body) throws SQLException {
        int id = IDS.incrementAndGet();
        try (Connection c = app(cluster);
             PreparedStatement s = c.prepareStatement("insert into notes (id, body) values (?, ?)")) {
            s.setInt(1, id);
            s.setString(2, body);
            s.executeUpdate();
        }
        return id;
    }

    /** The body of a note as the app user reads it, or null when the cluster has no such note. */
    private static String body(PrivateCluster cluster, int id) throws SQLException {
        try (Connection c = app(cluster);
             PreparedStatement s = c.prepareStatement("select body from notes where id = ?")) {
            s.setInt(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void assertRefused(PrivateCluster cluster) {
        assertThatThrownBy(() -> app(cluster).close()).as("a connection to the stopped server on " + cluster.port())
                .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).as(e.getMessage())
                        .isEqualTo("08001"));
    }
}
