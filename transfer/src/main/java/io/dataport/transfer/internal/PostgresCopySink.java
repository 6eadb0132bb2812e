package io.dataport.transfer.internal;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Rows into PostgreSQL with {@code COPY ... FROM STDIN} in text format through pgjdbc's {@code CopyManager},
 * several times faster than batched inserts. Rows are escaped into a 256 KiB byte buffer and streamed, on a
 * thread of its own ({@link Handoff}): the thread that adds rows reads, converts and hashes the next ones
 * meanwhile, so both cores work. One thread adds.
 */
final class PostgresCopySink implements RowSink {
    private static final int BUFFER = 256 * 1024;

    private final CopyIn copy;
    private final byte[] buf = new byte[BUFFER];
    private int pos;
    private final Handoff<String[]> rows;

    private PostgresCopySink(CopyIn copy) {
        this.copy = copy;
        this.rows = new Handoff<>("dataport-transfer-writer", this::write);
    }

    /**
     * Starts a COPY into a table on a connection that is in a transaction; {@code newTable} when the table was
     * created in this transaction, so rows may be written frozen ({@code COPY ... FREEZE}: no later rewrite of the
     * pages to set hint bits).
     */
    static PostgresCopySink open(Connection connection, String qualifiedTable, List<String> quotedColumns,
                                 boolean newTable) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        String sql = "COPY " + qualifiedTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN"
                + (newTable ? " WITH (FREEZE)" : "");
        return new PostgresCopySink(pg.getCopyAPI().copyIn(sql));
    }

    /** COPY's text format needs the text of every value, doubles included. */
    @Override
    public boolean needsDoubleText() {
        return true;
    }

    @Override
    public void add(Object[] values, String[] texts) throws SQLException {
        // A new array: the caller reuses texts, and the row waits in the handoff.
        String[] text = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            text[i] = values[i] instanceof byte[] ? "\\x" + texts[i] : texts[i];   // bytea's hex input form
        }
        rows.add(text);
    }

    /**
     * Escapes and UTF-8-encodes one row straight into the byte buffer (no intermediate strings or encoder), and
     * hands the buffer to the copy stream when full. Runs on the handoff's thread.
     */
    private void write(String[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (pos + 8 > BUFFER) {
                flush();
            }
            if (i > 0) {
                buf[pos++] = '\t';
            }
            String v = values[i];
            if (v == null) {
                buf[pos++] = '\\';
                buf[pos++] = 'N';
            } else {
                escape(v);
            }
        }
        if (pos + 1 > BUFFER) {
            flush();
        }
        buf[pos++] = '\n';
    }

    private void escape(String v) throws SQLException {
        for (int i = 0, n = v.length(); i < n; i++) {
            if (pos + 4 > BUFFER) {
                flush();
            }
            char c = v.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\':
                        buf[pos++] = '\\';
                        buf[pos++] = '\\';
                        break;
                    case '\t':
                        buf[pos++] = '\\';
                        buf[pos++] = 't';
                        break;
                    case '\n':
                        buf[pos++] = '\\';
                        buf[pos++] = 'n';
                        break;
                    case '\r':
                        buf[pos++] = '\\';
                        buf[pos++] = 'r';
                        break;
                    default:
                        buf[pos++] = (byte) c;
                }
            } else if (c < 0x800) {
                buf[pos++] = (byte) (0xc0 | c >> 6);
                buf[pos++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isSurrogate(c)) {
                if (!Character.isHighSurrogate(c) || i + 1 >= n || !Character.isLowSurrogate(v.charAt(i + 1))) {
                    throw new SQLException("Text holds an unpaired UTF-16 surrogate and cannot be sent to "
                            + "PostgreSQL. Fix the value in the source.");
                }
                int cp = Character.toCodePoint(c, v.charAt(++i));
                buf[pos++] = (byte) (0xf0 | cp >> 18);
                buf[pos++] = (byte) (0x80 | cp >> 12 & 0x3f);
                buf[pos++] = (byte) (0x80 | cp >> 6 & 0x3f);
                buf[pos++] = (byte) (0x80 | cp & 0x3f);
            } else {
                buf[pos++] = (byte) (0xe0 | c >> 12);
                buf[pos++] = (byte) (0x80 | c >> 6 & 0x3f);
                buf[pos++] = (byte) (0x80 | c & 0x3f);
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
