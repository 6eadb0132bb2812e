package io.dataport.sqlite;

import io.dataport.contract.ConfigurationContract;
import io.dataport.contract.DatabaseTarget;

class SqliteConfigurationTest extends ConfigurationContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }
}
