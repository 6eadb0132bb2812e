package io.dataport.transfer.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The reject report: a tab-separated file with one line per source row that was not copied, naming table, row
 * key, column, target type, the problem and the value (tabs, newlines and backslashes escaped, blobs in hex).
 * It holds source values, so it is written only when the user asks for it.
 */
final class RejectReport implements AutoCloseable {
    private final Path path;
    private BufferedWriter out;

    RejectReport(Path path) {
        this.path = path;
    }

    void write(String table, String rowKey, String column, String targetType, String problem, Object value) {
        try {
            if (out == null) {
                out = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                out.write("table\trow\tcolumn\ttarget_type\tproblem\tvalue\n");
            }
            out.write(String.join("\t", escape(table), escape(rowKey), escape(column), escape(targetType),
                    escape(problem), value instanceof byte[] ? "\\x" + HexFormat.of().formatHex((byte[]) value)
                            : escape(String.valueOf(value))));
            out.write('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the reject report " + path + ": " + e.getMessage(), e);
        }
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r");
    }

    @Override
    public void close() {
        if (out != null) {
            try {
                out.close();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the reject report " + path + ": " + e.getMessage(), e);
            }
        }
    }
}
