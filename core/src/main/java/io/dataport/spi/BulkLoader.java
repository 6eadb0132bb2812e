package io.dataport.spi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * A backend's fast path for loading many rows into one table, such as PostgreSQL's {@code COPY}: an optional
 * capability a {@link Connector} offers through {@link Connector#bulkLoader()}. Core uses it to transfer data
 * and falls back to batched inserts when a backend has none. Implementations are stateless and thread-safe;
 * each {@link Sink} belongs to one thread.
 */
public interface BulkLoader {

    /**
     * Starts loading rows into a table on a connection that is in a transaction.
     *
     * @param connection    a connection the backend handed out, in a transaction
     * @param qualifiedTable the table name, quoted and schema-qualified as the dialect writes it
     * @param quotedColumns the column names, quoted, in the order of every row's values
     * @param newTable      whether the table was created in this transaction, so rows may be written frozen
     *                      (PostgreSQL {@code COPY ... FREEZE}: no later rewrite of the pages to set hint bits)
     */
    Sink open(Connection connection, String qualifiedTable, List<String> quotedColumns, boolean newTable)
            throws SQLException;

    /** One load in progress: rows go in with {@link #add}, then {@link #finish} or {@link #abort}. */
    interface Sink {

        /**
         * Adds one row. Each value is in the database's text input form (what a SQL literal holds between its
         * quotes, e.g. {@code 2009-01-01 00:00:00}, {@code t}, {@code \x0aff}); {@code null} is SQL NULL. The
         * array may be reused by the caller after the call.
         */
        void add(String[] values) throws SQLException;

        /** Sends what is buffered, ends the load and returns how many rows the database stored. */
        long finish() throws SQLException;

        /** Abandons the load; the transaction must then be rolled back. Never throws. */
        void abort();
    }
}
