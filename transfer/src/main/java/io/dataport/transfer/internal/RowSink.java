package io.dataport.transfer.internal;

import io.dataport.spi.BulkLoader;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

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
     * escapes and sends the previous batches, so both cores work. Batches of 2,000 rows, at most 8 in flight.
     */
    private static final class Pipelined extends RowSink {
        private static final int BATCH = 2_000;
        private static final String[][] END = new String[0][];

        private final BulkLoader.Sink sink;
        private final ArrayBlockingQueue<String[][]> queue = new ArrayBlockingQueue<>(8);
        private final Thread writer;
        private volatile Throwable failure;
        private String[][] batch = new String[BATCH][];
        private int size;

        Pipelined(BulkLoader.Sink sink) {
            this.sink = sink;
            this.writer = new Thread(this::drain, "dataport-transfer-writer");
            writer.setDaemon(true);
            writer.start();
        }

        private void drain() {
            try {
                while (true) {
                    String[][] rows = queue.take();
                    if (rows == END) {
                        return;
                    }
                    for (String[] row : rows) {
                        if (row == null) {
                            break;
                        }
                        sink.add(row);
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                failure = t;
                queue.clear();
            }
        }

        @Override
        void add(Object[] values, String[] texts) throws SQLException {
            batch[size++] = bulkText(values, texts);
            if (size == BATCH) {
                put(batch);
                batch = new String[BATCH][];
                size = 0;
            }
        }

        private void put(String[][] rows) throws SQLException {
            try {
                while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                    checkFailure();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while loading rows", e);
            }
            checkFailure();
        }

        private void checkFailure() throws SQLException {
            Throwable t = failure;
            if (t instanceof SQLException) {
                throw (SQLException) t;
            }
            if (t instanceof RuntimeException) {
                throw (RuntimeException) t;
            }
            if (t != null) {
                throw new SQLException("Bulk load failed: " + t, t);
            }
        }

        @Override
        long finish() throws SQLException {
            if (size > 0) {
                put(batch);
            }
            put(END);
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while loading rows", e);
            }
            checkFailure();
            return sink.finish();
        }

        @Override
        void abort() {
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
