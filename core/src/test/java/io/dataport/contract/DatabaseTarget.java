package io.dataport.contract;

import io.dataport.Database;

/**
 * A real database a contract test runs against: each backend module's tests provide one. Every call of
 * {@link #freshUrl()} names a new, empty database (a new SQLite file, a new PostgreSQL schema), so tests and
 * concurrent builds never see each other's tables.
 */
public interface DatabaseTarget {

    /** The backend name {@link Database#backend()} must report. */
    String backend();

    /** A URL to a new, empty database. */
    String freshUrl();

    /** A builder for a new, empty database. */
    default Database.Builder builder() {
        return Database.builder(freshUrl());
    }

    /** Opens a new, empty database with default settings. */
    default Database open() {
        return builder().open();
    }
}
