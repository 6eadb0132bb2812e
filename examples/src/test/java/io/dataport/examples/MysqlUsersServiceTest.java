package io.dataport.examples;

import io.dataport.mysql.MysqlTarget;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The users service end to end on MySQL or MariaDB, in a fresh database. */
class MysqlUsersServiceTest extends UsersServiceScenarios {
    @Override
    protected String freshUrl() {
        return MysqlTarget.INSTANCE.freshUrl();
    }

    @Override
    protected String backend() {
        return "mysql";
    }

    @Test
    void metricsHaveHikariCpsPoolMetersToo() {
        assertThat(metricsText()).contains("hikaricp_connections{", "hikaricp_connections_active{",
                "hikaricp_connections_acquire_seconds_count{");
    }
}
