package io.dataport.postgres;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SecretsInLogsReliabilityContract;

class PostgresSecretsInLogsReliabilityTest extends SecretsInLogsReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return PostgresTarget.INSTANCE;
    }

    /** The test server's URL with a user that does not exist and a password. */
    @Override
    protected String badLoginUrl(String password) {
        return PostgresTarget.INSTANCE.serverUrl().replaceFirst("^([a-z]+://)(?:[^@/]*@)?",
                "$1dp_no_such_user:" + password + "@");
    }
}
