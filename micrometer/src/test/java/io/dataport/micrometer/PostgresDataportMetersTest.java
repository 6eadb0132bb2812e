package io.dataport.micrometer;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.dataport.postgres.PostgresTarget;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters on PostgreSQL, in a fresh schema, with HikariCP's own meters next to Dataport's. */
class PostgresDataportMetersTest extends DataportMetersScenarios {
    @Override
    protected String freshUrl() {
        return PostgresTarget.INSTANCE.freshUrl();
    }

    @Override
    protected String backend() {
        return "postgres";
    }

    @Test
    void wiresHikariCpsOwnMeters() {
        assertThat(meters().hikariMeters()).isTrue();
        assertThat(db().unwrap(HikariDataSource.class).orElseThrow().getMetricsTrackerFactory())
                .isInstanceOf(MicrometerMetricsTrackerFactory.class);
        db().useTransaction(s -> s.execute("insert into note(id, body) values (1, 'x')"));
        assertThat(registry().find("hikaricp.connections").gauge()).isNotNull();
        assertThat(registry().find("hikaricp.connections.max").gauge().value()).isGreaterThanOrEqualTo(1);
        assertThat(registry().find("hikaricp.connections.acquire").timer().count()).isPositive();

        meters().close();
        // A tracker cannot be taken off a running pool: HikariCP's meters stay until the database closes.
        assertThat(registry().find("hikaricp.connections").gauge()).isNotNull();
        db().close();
        assertThat(registry().find("hikaricp.connections").meters()).isEmpty();
    }

    @Test
    void aSecondBindingSkipsHikariCpButRegistersDataportsMeters() {
        MeterRegistry other = new SimpleMeterRegistry();
        try (DataportMeters second = DataportMeters.bind(db(), other)) {
            assertThat(meters().hikariMeters()).isTrue();
            assertThat(second.hikariMeters()).isFalse();
            assertThat(second.meters()).hasSize(15);
            assertThat(other.find("dataport.transactions").functionCounters()).hasSize(2);
            assertThat(other.find("hikaricp.connections").meters()).isEmpty();
            assertThat(registry().find("hikaricp.connections").gauge()).isNotNull();
        }
    }
}
