package io.dataport.micrometer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The meters on a SQLite file: no pool of HikariCP's to wire. */
class SqliteDataportMetersTest extends DataportMetersScenarios {
    @TempDir
    Path dir;

    @Override
    protected String freshUrl() {
        return "sqlite:" + dir.resolve("metrics.db");
    }

    @Override
    protected String backend() {
        return "sqlite";
    }

    @Test
    void noHikariMeters() {
        assertThat(meters().hikariMeters()).isFalse();
        assertThat(registry().find("hikaricp.connections").meters()).isEmpty();
    }
}
