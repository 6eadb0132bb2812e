package io.dataport.internal.transfer;

import io.dataport.spi.BulkLoader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;

/** Where a table's rows go on the target: the backend's bulk loader, or batched inserts. Not thread-safe. */
abstract class RowSink {

    /** Adds one row of canonical values. */
    abstract void add(Object[] values) throws SQLException;

    /** Flushes and returns the rows written. */
    abstract long finish() throws SQLException;

    /** Abandons the load after a failure; never throws. */
    abstract void abort();

    static RowSink bulk(BulkLoader loader, Connection c, String table, List<String> columns, boolean newTable)
            throws SQLException {
        return new Bulk(loader.open(c, table, columns, newTable), columns.size());
    }

    static RowSink insert(Connection c, String table, List<String> columns, List<ValueCodec> codecs, Flavor target,
                          int batchSize) throws SQLException {
        return new Insert(c, table, columns, codecs, target, batchSize);
    }

    private static final class Bulk extends RowSink {
        private final BulkLoader.Sink sink;
        private final String[] text;

        Bulk(BulkLoader.Sink sink, int columns) {
            this.sink = sink;
            this.text = new String[columns];
        }

        @Override
        void add(Object[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                text[i] = values[i] == null ? null : ValueCodec.postgresText(values[i]);
            }
            sink.add(text);
        }

        @Override
        long finish() throws SQLException {
            return sink.finish();
        }

        @Override
        void abort() {
            sink.abort();
        }
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
        void add(Object[] values) throws SQLException {
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
