package io.dataport.examples;

import io.dataport.postgres.PostgresTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The users service end to end on PostgreSQL, in a fresh schema. */
class PostgresUsersServiceTest extends UsersServiceScenarios {
    @Override
    protected String freshUrl() {
        return PostgresTarget.INSTANCE.freshUrl();
    }

    @Override
    protected String backend() {
        return "postgres";
    }

    @Test
    void metricsHaveHikariCpsPoolMetersToo() {
        assertThat(metricsText()).contains("hikaricp_connections{", "hikaricp_connections_active{",
                "hikaricp_connections_acquire_seconds_count{");
    }
}
