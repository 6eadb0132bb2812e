package io.dataport.postgres;

import io.dataport.contract.ConfigurationContract;
import io.dataport.contract.DatabaseTarget;

class PostgresConfigurationTest extends ConfigurationContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }
}
