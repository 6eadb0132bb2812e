package io.dataport.mysql;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SecretsInLogsReliabilityContract;

class MysqlSecretsInLogsReliabilityTest extends SecretsInLogsReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return MysqlTarget.INSTANCE;
    }

    /** The test server's URL with a user that does not exist and a password. */
    @Override
    protected String badLoginUrl(String password) {
        return MysqlTarget.INSTANCE.serverUrl().replaceFirst("^([a-z]+://)(?:[^@/]*@)?",
                "$1dp_no_such_user:" + password + "@");
    }
}
