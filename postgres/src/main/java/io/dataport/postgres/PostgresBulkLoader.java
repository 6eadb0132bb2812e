package io.dataport.postgres;

import io.dataport.spi.BulkLoader;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Bulk loading with {@code COPY ... FROM STDIN} in text format through pgjdbc's {@code CopyManager}: rows are
 * escaped into a 256 KiB buffer and streamed, several times faster than batched inserts.
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

    private static final class CopySink implements Sink {
        private final CopyIn copy;
        private final StringBuilder text = new StringBuilder(BUFFER);
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER * 3 + 16);

        CopySink(CopyIn copy) {
            this.copy = copy;
        }

        @Override
        public void add(String[] values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    text.append('\t');
                }
                String v = values[i];
                if (v == null) {
                    text.append("\\N");
                } else {
                    escape(v);
                }
            }
            text.append('\n');
            if (text.length() >= BUFFER) {
                flush();
            }
        }

        private void escape(String v) {
            for (int i = 0, n = v.length(); i < n; i++) {
                char c = v.charAt(i);
                switch (c) {
                    case '\\':
                        text.append("\\\\");
                        break;
                    case '\t':
                        text.append("\\t");
                        break;
                    case '\n':
                        text.append("\\n");
                        break;
                    case '\r':
                        text.append("\\r");
                        break;
                    default:
                        text.append(c);
                }
            }
        }

        private void flush() throws SQLException {
            CharBuffer chars = CharBuffer.wrap(text);
            while (chars.hasRemaining()) {
                bytes.clear();
                CoderResult r = encoder.encode(chars, bytes, true);
                if (r.isError()) {
                    throw new SQLException("Text is not valid UTF-16 (an unpaired surrogate) and cannot be sent to "
                            + "PostgreSQL. Fix the value in the source.");
                }
                copy.writeToCopy(bytes.array(), 0, bytes.position());
            }
            encoder.reset();
            text.setLength(0);
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
