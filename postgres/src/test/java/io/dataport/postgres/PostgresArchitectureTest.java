package io.dataport.postgres;

import io.dataport.contract.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The PostgreSQL backend implements the SPI and uses nothing of core's internals. */
class PostgresArchitectureTest {
    @Test
    void usesNoCoreInternals() {
        ArchitectureRules.checkBackend("io.dataport.postgres");
    }
}
