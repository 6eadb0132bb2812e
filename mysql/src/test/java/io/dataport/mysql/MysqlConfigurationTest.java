package io.dataport.mysql;

import io.dataport.contract.ConfigurationContract;
import io.dataport.contract.DatabaseTarget;

class MysqlConfigurationTest extends ConfigurationContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }
}
