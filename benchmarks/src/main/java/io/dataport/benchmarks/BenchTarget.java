package io.dataport.benchmarks;

import io.dataport.Database;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One backend under test: the Dataport database, and the connections of the JDBC and plain-Jdbi variants on
 * the same driver, file or server and settings. Tables are the same for every variant.
 */
abstract class BenchTarget implements AutoCloseable {
    static final String TABLE = "bench_item";
    static final String COUNTER = "bench_counter";

    /** {@code sqlite} or {@code postgres}. */
    abstract String name();

    /** The URL Dataport opens (also given to the heap probe's separate JVM). */
    abstract String url();

    abstract Database dataport();

    /** Connections for single-threaded writes (SQLite: one read-write connection). */
    abstract ConnectionSource writers();

    /** Connections for reads, 8 of them (SQLite: read-only connections, like Dataport's readers). */
    abstract ConnectionSource readers();

    /** 8 read-write connections for W4 (SQLite: what users build by hand). */
    abstract ConnectionSource pool8();

    /** The DDL of the item table, with a generated id. */
    abstract String createItemTable();

    /** Empties the item table and restarts its ids at 1. */
    abstract String clearItems();

    /** Appended to the SELECT of a read-modify-write transaction: {@code " FOR UPDATE"} on PostgreSQL. */
    abstract String lockSuffix();

    /** Whether reading a large result in chunks needs a transaction (PostgreSQL cursors do). */
    abstract boolean cursorNeedsTransaction();

    private Jdbi writeJdbi;
    private Jdbi readJdbi;
    private Jdbi pool8Jdbi;

    Jdbi writeJdbi() {
        if (writeJdbi == null) {
            writeJdbi = writers().jdbi();
        }
        return writeJdbi;
    }

    Jdbi readJdbi() {
        if (readJdbi == null) {
            readJdbi = readers().jdbi();
        }
        return readJdbi;
    }

    Jdbi pool8Jdbi() {
        if (pool8Jdbi == null) {
            pool8Jdbi = pool8().jdbi();
        }
        return pool8Jdbi;
    }

    /** Runs SQL on a write connection, outside the timing. */
    void exec(String... sql) throws SQLException {
        Connection c = writers().take();
        try (Statement s = c.createStatement()) {
            for (String q : sql) {
                s.execute(q);
            }
        } finally {
            writers().give(c);
        }
    }

    @Override
    public abstract void close();
}
