package io.dataport.postgres;

import io.dataport.spi.BulkLoader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Bulk loading with {@code COPY ... FROM STDIN} in text format through pgjdbc's {@code CopyManager}: rows are
 * escaped into a 256 KiB byte buffer and streamed, several times faster than batched inserts.
 */
final class PostgresBulkLoader implements BulkLoader {
    static final PostgresBulkLoader INSTANCE = new PostgresBulkLoader();
    private static final int BUFFER = 256 * 1024;

    @Override
    public Sink open(Connection connection, String qualifiedTable, List<String> quotedColumns, boolean newTable)
            throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        String sql = "COPY " + qualifiedTable + " (" + String.join(", ", quotedColumns) + ") FROM STDIN"
                + (newTable ? " WITH (FREEZE)" : "");
        return new CopySink(pg.getCopyAPI().copyIn(sql));
    }

    /**
     * Escapes and UTF-8-encodes rows straight into one byte buffer (no intermediate strings or encoder), and
     * hands it to the copy stream when full.
     */
    private static final class CopySink implements Sink {
        private final CopyIn copy;
        private final byte[] buf = new byte[BUFFER];
        private int pos;

        CopySink(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void add(String[] values) throws SQLException {
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
            flush();
            return copy.endCopy();
        }

        @Override
        public void abort() {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException e) {
                // The transaction is rolled back next.
            }
        }
    }
}
