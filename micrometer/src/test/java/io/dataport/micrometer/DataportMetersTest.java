package io.dataport.micrometer;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.dataport.Database;
import io.dataport.DatabaseUrl;
import io.dataport.test.DataportTest;
import io.dataport.test.TestDatabase;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Collection;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link DataportMeters} on a real database, written once and run on every backend by {@link DataportTest}. */
@DataportTest(scope = DataportTest.Scope.TEST)
class DataportMetersTest {
    private static final List<String> GAUGES = List.of("dataport.connections.max", "dataport.connections.active",
            "dataport.connections.idle", "dataport.connections.pending", "dataport.connections.wait.p50",
            "dataport.connections.wait.p99", "dataport.writer.wait.p50", "dataport.writer.wait.p99",
            "dataport.writer.wait.max");

    private final MeterRegistry registry = new SimpleMeterRegistry();
    private Database db;
    private DataportMeters meters;

    private String backend;

    @BeforeEach
    void open(TestDatabase database) {
        backend = database.backend();
        db = database.open();
        db.useTransaction(s -> s.execute("create table note (id integer primary key, body varchar(100))"));
        meters = DataportMeters.bind(db, registry, Tags.of("db", "notes"));
    }

    @AfterEach
    void close() {
        try {
            if (meters != null) {
                meters.close();
            }
        } finally {
            if (db != null) {
                db.close();
            }
        }
    }

    @Test
    void wiresHikariCpsOwnMetersOnTheServerBackends() {
        if (backend.equals("sqlite")) {
            // No pool of HikariCP's to wire.
            assertThat(meters.hikariMeters()).isFalse();
            assertThat(registry.find("hikaricp.connections").meters()).isEmpty();
            return;
        }
        assertThat(meters.hikariMeters()).isTrue();
        assertThat(db.unwrap(HikariDataSource.class).orElseThrow().getMetricsTrackerFactory())
                .isInstanceOf(MicrometerMetricsTrackerFactory.class);
        db.useTransaction(s -> s.execute("insert into note(id, body) values (1, 'x')"));
        assertThat(registry.find("hikaricp.connections").gauge()).isNotNull();
        assertThat(registry.find("hikaricp.connections.max").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(registry.find("hikaricp.connections.acquire").timer().count()).isPositive();

        meters.close();
        // A tracker cannot be taken off a running pool: HikariCP's meters stay until the database closes.
        assertThat(registry.find("hikaricp.connections").gauge()).isNotNull();
        db.close();
        assertThat(registry.find("hikaricp.connections").meters()).isEmpty();
    }

    @Test
    void aSecondBindingSkipsHikariCpButRegistersDataportsMeters() {
        MeterRegistry other = new SimpleMeterRegistry();
        try (DataportMeters second = DataportMeters.bind(db, other)) {
            assertThat(second.hikariMeters()).isFalse();
            assertThat(second.meters()).hasSize(15);
            assertThat(other.find("dataport.transactions").functionCounters()).hasSize(2);
            assertThat(other.find("hikaricp.connections").meters()).isEmpty();
            if (!backend.equals("sqlite")) {
                assertThat(meters.hikariMeters()).isTrue();
                assertThat(registry.find("hikaricp.connections").gauge()).isNotNull();
            }
        }
    }

    @Test
    void countsTransactionsAndStatements() {
        double commits = counter("dataport.transactions", "outcome", "committed");
        double statements = counter("dataport.statements");

        for (int i = 0; i < 10; i++) {
            int id = i;
            db.useTransaction(s -> s.execute("insert into note(id, body) values (?, ?)", id, "note " + id));
        }

        assertThat(counter("dataport.transactions", "outcome", "committed")).isEqualTo(commits + 10);
        assertThat(counter("dataport.statements")).isGreaterThanOrEqualTo(statements + 10);
        assertThat(counter("dataport.transactions", "outcome", "rolled_back")).isZero();
        assertThat(counter("dataport.transactions.retried")).isZero();
        assertThat(counter("dataport.statements.slow")).isZero();
        assertThat(counter("dataport.connections.acquired")).isGreaterThanOrEqualTo(10);
        assertThat(meters.meters()).hasSize(15)
                .allSatisfy(m -> assertThat(m.getId().getTag("backend")).isEqualTo(backend))
                .allSatisfy(m -> assertThat(m.getId().getTag("db")).isEqualTo("notes"));
    }

    @Test
    void gaugesReadThePoolAndTheWaits() {
        db.useTransaction(s -> s.execute("insert into note(id, body) values (1, 'x')"));
        for (String name : GAUGES) {
            Gauge gauge = registry.find(name).tag("backend", backend).gauge();
            assertThat(gauge).as(name).isNotNull();
            assertThat(gauge.value()).as(name).isNotNaN().isGreaterThanOrEqualTo(0);
        }
        assertThat(registry.get("dataport.connections.max").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(registry.get("dataport.connections.pending").gauge().value()).isZero();
        assertThat(registry.get("dataport.writer.wait.p99").gauge().getId().getBaseUnit()).isEqualTo("seconds");
    }

    @Test
    void countsRollbacks() {
        double before = counter("dataport.transactions", "outcome", "rolled_back");
        assertThatThrownBy(() -> db.useTransaction(s -> {
            s.execute("insert into note(id, body) values (2, 'y')");
            throw new IllegalStateException("undo");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(counter("dataport.transactions", "outcome", "rolled_back")).isEqualTo(before + 1);
    }

    @Test
    void closingTheBindingRemovesDataportsMeters() {
        assertThat(dataportMeters()).hasSize(15);
        meters.close();
        assertThat(dataportMeters()).isEmpty();
        meters.close();
        assertThat(dataportMeters()).isEmpty();
    }

    @Test
    void metersStillReadAfterTheDatabaseCloses() {
        db.useTransaction(s -> s.execute("insert into note(id, body) values (3, 'z')"));
        double commits = counter("dataport.transactions", "outcome", "committed");
        db.close();
        assertThat(counter("dataport.transactions", "outcome", "committed")).isEqualTo(commits);
        assertThat(registry.get("dataport.connections.active").gauge().value()).isZero();
    }

    private List<Meter> dataportMeters() {
        return registry.getMeters().stream().filter(m -> m.getId().getName().startsWith("dataport.")).toList();
    }

    private double counter(String name, String... tags) {
        FunctionCounter counter = registry.find(name).tag("backend", backend).tags(tags).functionCounter();
        assertThat(counter).as(name).isNotNull();
        return counter.count();
    }

    @Test
    void replicasHaveMetersOfTheirOwn(TestDatabase database) {
        if (backend.equals("mysql")) {
            return; // MySQL takes no replicas (ReplicaContract).
        }
        String url = database.url();
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        // The test server itself as the "replica": no standby, so it serves nothing and reads go to the primary.
        String replica = parsed.hasHosts() ? parsed.hosts().get(0) : "standby.example:5432";
        try (Database replicated = Database.builder(url).replica(replica).open();
             DataportMeters bound = DataportMeters.bind(replicated, registry, Tags.of("db", "replicated"))) {
            replicated.inReadOnlyTransaction(s -> s.query("select count(*) from note"));
            Collection<Meter> serving = registry.find("dataport.replica.serving").tag("db", "replicated").meters();
            if (backend.equals("sqlite")) {
                assertThat(serving).as("SQLite's replicas are its readers: no meters of their own").isEmpty();
                return;
            }
            assertThat(registry.get("dataport.replica.serving").tag("replica", replica).gauge().value()).isZero();
            assertThat(registry.get("dataport.replica.reads").tag("replica", replica).functionCounter().count())
                    .isZero();
            assertThat(registry.get("dataport.reads.primary").tag("db", "replicated").functionCounter().count())
                    .isEqualTo(1);
            assertThat(bound.meters()).hasSizeGreaterThan(meters.meters().size());
        }
    }
}
