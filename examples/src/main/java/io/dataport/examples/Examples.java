package io.dataport.examples;

import io.dataport.Database;

/** What every example shares: where its database is. */
final class Examples {
    /** The environment variable that moves every example to another database, e.g. PostgreSQL. */
    static final String DATABASE_URL = Database.URL_VARIABLE;

    private Examples() {
    }

    /** {@code DATABASE_URL} from the environment or a {@code .env} file, else the embedded SQLite default. */
    static String databaseUrl(String sqliteDefault) {
        return Database.urlFromEnvironment(sqliteDefault);
    }
}
