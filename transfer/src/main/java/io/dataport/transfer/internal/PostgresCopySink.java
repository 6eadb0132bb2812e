package io.dataport.transfer.internal;

import io.dataport.transfer.internal.LogicalType.Kind;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows into PostgreSQL with {@code COPY ... FROM STDIN} through pgjdbc's {@code CopyManager}, several times faster
 * than batched inserts. Rows are written into a 256 KiB byte buffer and streamed, on a thread of its own
 * ({@link Handoff}): the thread that adds rows reads, converts and hashes the next ones meanwhile, so both cores
 * work. One thread adds.
 *
 * <p>A table created in this transaction, whose column types the transfer chose, is loaded in COPY's binary
 * format ({@link CopyBinary}): nothing to format or escape here, nothing to parse on the server (measured: the
 * server loads the 990,000-row table of {@code transfer-vs-pgloader.sh} in 0.9 s from binary, 1.5 to 1.7 s from
 * text). A table that was there before may have other column types, which only the text format converts: it is
 * loaded from the canonical texts, escaped.
 */
final class PostgresCopySink implements RowSink {
    private static final int BUFFER = 256 * 1024;

    private final CopyIn copy;
    private final Kind[] kinds;   // null: text format
    private byte[] buf = new byte[BUFFER];
    private int pos;
    private final Handoff<Object[]> rows;

    private PostgresCopySink(CopyIn copy, Kind[] kinds) throws SQLException {
        this.copy = copy;
        this.kinds = kinds;
        this.rows = new Handoff<>("dataport-transfer-writer", kinds == null ? this::writeText : this::writeBinary);
        if (kinds != null) {
            reserve(CopyBinary.HEADER.length);
            pos = CopyBinary.header(buf, pos);
        }
    }

    /**
     * Starts a COPY into a table on a connection that is in a transaction; {@code newTable} when the table was
     * created in this transaction with the types of {@code types}, so rows are sent in binary and may be written
     * frozen ({@code COPY ... FREEZE}: no later rewrite of the pages to set hint bits).
     */
    static PostgresCopySink open(Connection connection, String qualifiedTable, List<String> quotedColumns,
                                 List<LogicalType> types, boolean newTable) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        String sql = "COPY " + qualifiedTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN"
                + (newTable ? " WITH (FORMAT binary, FREEZE)" : "");
        Kind[] kinds = newTable ? types.stream().map(LogicalType::kind).toArray(Kind[]::new) : null;
        return new PostgresCopySink(pg.getCopyAPI().copyIn(sql), kinds);
    }

    @Override
    public void add(Object[] values) throws SQLException {
        rows.add(values);
    }

    /** One row in binary: the field count, then each field's length and bytes. Runs on the handoff's thread. */
    private void writeBinary(Object[] values) throws SQLException {
        reserve(2);
        buf[pos++] = (byte) (values.length >> 8);
        buf[pos++] = (byte) values.length;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                reserve(4);
                pos = CopyBinary.nullField(buf, pos);
            } else if (v instanceof String) {
                String s = (String) v;
                if (kinds[i] == Kind.UUID) {
                    reserve(20);
                    pos = CopyBinary.uuid(buf, pos, s);
                } else if (kinds[i].isTemporal()) {
                    reserve(12);
                    pos = CopyBinary.temporal(buf, pos, kinds[i], s);
                } else {
                    reserve(4 + 3 * s.length());   // at most 3 bytes a UTF-16 unit
                    pos = CopyBinary.text(buf, pos, s);
                }
            } else if (v instanceof byte[]) {
                byte[] b = (byte[]) v;
                reserve(4 + b.length);
                pos = CopyBinary.bytes(buf, pos, b);
            } else if (v instanceof BigDecimal) {
                BigDecimal d = (BigDecimal) v;
                reserve(CopyBinary.numericSize(d));
                pos = CopyBinary.numeric(buf, pos, d);
            } else {
                reserve(12);
                pos = CopyBinary.fixed(buf, pos, kinds[i], v);
            }
        }
    }

    /** Room for {@code bytes} more in the buffer: flushes it, and grows it for a value larger than it. */
    private void reserve(int bytes) throws SQLException {
        if (pos + bytes > buf.length) {
            flush();
            if (bytes > buf.length) {
                buf = new byte[bytes];
            }
        }
    }

    /**
     * One row in text format: canonical texts, escaped and UTF-8-encoded straight into the byte buffer (no
     * intermediate strings or encoder). Runs on the handoff's thread.
     */
    private void writeText(Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            reserve(8);
            if (i > 0) {
                buf[pos++] = '\t';
            }
            Object v = values[i];
            if (v == null) {
                buf[pos++] = '\\';
                buf[pos++] = 'N';
            } else {
                escape(v instanceof byte[] ? "\\x" + ValueCodec.canonical(v) : ValueCodec.canonical(v));
            }
        }
        reserve(1);
        buf[pos++] = '\n';
    }

    /** Text with COPY's backslash escapes for backslash, tab, newline and carriage return, in UTF-8. */
    private void escape(String v) throws SQLException {
        int start = 0;
        for (int i = 0, n = v.length(); i <= n; i++) {
            char c = i < n ? v.charAt(i) : 0;
            if (i == n || c == '\\' || c == '\t' || c == '\n' || c == '\r') {
                reserve(3 * (i - start) + 2);
                int end = Utf8.encode(v, start, i, buf, pos, true);
                if (end < 0) {
                    throw CopyBinary.unpairedSurrogate();
                }
                pos = end;
                if (i < n) {
                    buf[pos++] = '\\';
                    buf[pos++] = (byte) (c == '\\' ? '\\' : c == '\t' ? 't' : c == '\n' ? 'n' : 'r');
                }
                start = i + 1;
            }
        }
    }

    private void flush() throws SQLException {
        if (pos > 0) {
            copy.writeToCopy(buf, 0, pos);
            pos = 0;
        }
    }

    @Override
    public long finish() throws SQLException {
        rows.finish();
        if (kinds != null) {
            reserve(2);
            buf[pos++] = (byte) 0xff;   // the trailer: a field count of -1
            buf[pos++] = (byte) 0xff;
        }
        flush();
        return copy.endCopy();
    }

    @Override
    public void abort() {
        rows.close();
        try {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        } catch (SQLException e) {
            // The transaction is rolled back next.
        }
    }
}
