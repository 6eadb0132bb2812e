package io.dataport.mysql;

import io.dataport.contract.ArchitectureRules;
import org.junit.jupiter.api.Test;

/** The MySQL backend implements the SPI and uses nothing of core's internals. */
class MysqlArchitectureTest {
    @Test
    void usesNoCoreInternals() {
        ArchitectureRules.checkBackend("io.dataport.mysql");
    }
}
