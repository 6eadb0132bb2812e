package io.dataport.transfer.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Rows into SQLite or MySQL with one prepared {@code INSERT}, executed in JDBC batches (MariaDB Connector/J sends
 * a batch as one bulk command). Values are bound as both store them: integers and reals as numbers, booleans as
 * 0 and 1, blobs as blobs, everything else as text, by default its canonical text (the form {@link ValueCodec}
 * reads back). SQLite is embedded and Connector/J's bulk batches are one round trip each, so no thread of its
 * own would gain much.
 */
final class InsertSink implements RowSink {
    private final PreparedStatement ps;
    private final Function<Object, String> text;
    private final int batchSize;
    private int pending;
    private long written;

    /**
     * An insert into {@code table}; {@code text} gives the text bound for a value that is not a number, boolean or
     * blob ({@link ValueCodec#canonical} where the target reads that form).
     */
    InsertSink(Connection c, String table, List<String> columns, int batchSize, Function<Object, String> text)
            throws SQLException {
        String marks = String.join(", ", Collections.nCopies(columns.size(), "?"));
        this.ps = c.prepareStatement("INSERT INTO " + table + " (" + String.join(", ", columns) + ") VALUES ("
                + marks + ")");
        this.batchSize = batchSize;
        this.text = text;
    }

    @Override
    public void add(Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            bind(i + 1, values[i]);
        }
        ps.addBatch();
        if (++pending >= batchSize) {
            flush();
        }
    }

    private void bind(int i, Object v) throws SQLException {
        if (v == null) {
            ps.setNull(i, Types.NULL);
        } else if (v instanceof Long) {
            ps.setLong(i, (Long) v);
        } else if (v instanceof Double) {
            ps.setDouble(i, (Double) v);
        } else if (v instanceof byte[]) {
            ps.setBytes(i, (byte[]) v);
        } else if (v instanceof Boolean) {
            ps.setLong(i, (Boolean) v ? 1 : 0);
        } else {
            ps.setString(i, text.apply(v));
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
    public long finish() throws SQLException {
        flush();
        ps.close();
        return written;
    }

    @Override
    public void abort() {
        try {
            ps.close();
        } catch (SQLException e) {
            // The transaction is rolled back next; nothing to keep.
        }
    }
}
