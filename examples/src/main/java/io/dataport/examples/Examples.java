package io.dataport.examples;

/** What every example shares: where its database is. */
final class Examples {
    /** The environment variable that moves every example to another database, e.g. PostgreSQL. */
    static final String DATABASE_URL = "DATABASE_URL";

    private Examples() {
    }

    /** {@code DATABASE_URL} when set, else the embedded SQLite default. */
    static String databaseUrl(String sqliteDefault) {
        String url = System.getenv(DATABASE_URL);
        return url == null || url.isBlank() ? sqliteDefault : url;
    }
}
