package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.SecretsInLogsReliabilityContract;

class SqliteSecretsInLogsReliabilityTest extends SecretsInLogsReliabilityContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }

    /** SQLite has no login. */
    @Override
    protected String badLoginUrl(String password) {
        return null;
    }
}
