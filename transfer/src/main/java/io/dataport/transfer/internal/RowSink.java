package io.dataport.transfer.internal;

import io.dataport.spi.BulkLoader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Where a table's rows go on the target: the backend's bulk loader, or batched inserts. Not thread-safe. */
abstract class RowSink {

    /** Adds one row: canonical values, and their canonical texts ({@link ValueCodec#canonical}). */
    abstract void add(Object[] values, String[] texts) throws SQLException;

    /** Flushes and returns the rows written. */
    abstract long finish() throws SQLException;

    /** Abandons the load after a failure; never throws. */
    abstract void abort();

    static RowSink bulk(BulkLoader loader, Connection c, String table, List<String> columns, boolean newTable)
            throws SQLException {
        return new Pipelined(loader.open(c, table, columns, newTable));
    }

    /** The bulk loader's text for a row: the canonical texts, bytea with the backslash-x prefix it needs. */
    static String[] bulkText(Object[] values, String[] texts) {
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = values[i] instanceof byte[] ? "\\x" + texts[i] : texts[i];
        }
        return text;
    }

    /**
     * Bulk loading on a second thread: the calling thread reads, converts and hashes source rows while this one
     * escapes and sends the previous batches, so both cores work.
     */
    private static final class Pipelined extends RowSink {
        private final BulkLoader.Sink sink;
        private final Handoff<String[]> rows;

        Pipelined(BulkLoader.Sink sink) {
            this.sink = sink;
            this.rows = new Handoff<>("dataport-transfer-writer", sink::add);
        }

        @Override
        void add(Object[] values, String[] texts) throws SQLException {
            rows.add(bulkText(values, texts));
        }

        @Override
        long finish() throws SQLException {
            rows.finish();
            return sink.finish();
        }

        @Override
        void abort() {
            rows.close();
            sink.abort();
        }
    }

    static RowSink insert(Connection c, String table, List<String> columns, List<ValueCodec> codecs, Flavor target,
                          int batchSize) throws SQLException {
        return new Insert(c, table, columns, codecs, target, batchSize);
    }

    private static final class Insert extends RowSink {
        private final PreparedStatement ps;
        private final List<ValueCodec> codecs;
        private final Flavor target;
        private final int batchSize;
        private int pending;
        private long written;

        Insert(Connection c, String table, List<String> columns, List<ValueCodec> codecs, Flavor target, int batchSize)
                throws SQLException {
            String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
            this.ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                    + marks + ")");
            this.codecs = codecs;
            this.target = target;
            this.batchSize = batchSize;
        }

        @Override
        void add(Object[] values, String[] texts) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                codecs.get(i).bind(ps, i + 1, values[i], target);
            }
            ps.addBatch();
            if (++pending >= batchSize) {
                flush();
            }
        }

        private void flush() throws SQLException {
            if (pending > 0) {
                ps.executeBatch();
                written += pending;
                pending = 0;
            }
        }

        @Override
        long finish() throws SQLException {
            flush();
            ps.close();
            return written;
        }

        @Override
        void abort() {
            try {
                ps.close();
            } catch (SQLException e) {
                // The transaction is rolled back next; nothing to keep.
            }
        }
    }
}
