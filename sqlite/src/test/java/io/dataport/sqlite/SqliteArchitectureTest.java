package io.dataport.sqlite;

import io.dataport.contract.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The SQLite backend implements the SPI and uses nothing of core's internals. */
class SqliteArchitectureTest {
    @Test
    void usesNoCoreInternals() {
        ArchitectureRules.checkBackend("io.dataport.sqlite");
    }
}
