package io.dataport.sqlite;

import io.dataport.DatabaseConfig;
import io.dataport.spi.Backend;
import io.dataport.spi.Connector;

import java.util.List;
import java.util.Set;

/**
 * The embedded SQLite backend: accepts {@code sqlite:PATH}, {@code jdbc:sqlite:PATH} and
 * {@code sqlite::memory:}. Found by {@link java.util.ServiceLoader}; having this module on the class path is
 * all it takes.
 *
 * <p>Writes go through one writer connection, taken in turn by a fair lock and started with
 * {@code BEGIN IMMEDIATE}, so threads of one process never see "database is locked"; read-only transactions
 * run concurrently on a pool of read-only connections (WAL).
 */
public final class SqliteBackend implements Backend {
    /**
     * The declared type of the double columns Dataport creates. A {@code REAL} column stores an integral value
     * as an integer, which turns {@code -0.0} into {@code 0}; a column of BLOB affinity (its declared type holds
     * "BLOB") keeps the bound 64-bit float as it is, and compares, sorts and sums it as a number all the same.
     * {@code CREATE TABLE t (score DOUBLE_BLOB)} in your own DDL gives the same.
     */
    public static final String DOUBLE_COLUMN_TYPE = "DOUBLE_BLOB";

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String displayName() {
        return "SQLite";
    }

    /** The pragmas Dataport sets on every connection. */
    @Override
    public Set<String> parameterNames() {
        return SqliteSettings.PRAGMAS;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("sqlite:", "jdbc:sqlite:");
    }

    @Override
    public String artifact() {
        return "io.dataport:dataport-sqlite";
    }

    @Override
    public Connector connect(DatabaseConfig config) {
        return new SqliteConnector(SqliteSettings.parse(config), config);
    }
}
