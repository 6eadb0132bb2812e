package io.dataport.transfer.internal;

import io.dataport.transfer.internal.LogicalType.Kind;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyOut;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A PostgreSQL table read with {@code COPY ... TO STDOUT (FORMAT binary)}: each field decoded from its binary
 * form ({@link CopyBinary} writes the same forms) into the value pgjdbc's result set gives for it, then made
 * canonical by {@link PostgresTransferDialect#canonical}, so both ways of reading agree. Used for columns whose
 * type and kind it knows ({@link #of}); a date, time or timestamp becomes PostgreSQL's own text of it.
 */
final class PostgresCopySource {
    /** The column types decoded here, for each kind of value. */
    private static final Map<Kind, Set<String>> TYPES = Map.ofEntries(
            Map.entry(Kind.SMALLINT, Set.of("int2", "int4", "int8")),
            Map.entry(Kind.INTEGER, Set.of("int2", "int4", "int8")),
            Map.entry(Kind.BIGINT, Set.of("int2", "int4", "int8")),
            Map.entry(Kind.DECIMAL, Set.of("numeric")),
            Map.entry(Kind.DOUBLE, Set.of("float4", "float8")),
            Map.entry(Kind.BOOLEAN, Set.of("bool")),
            Map.entry(Kind.CHAR, Set.of("text", "varchar", "bpchar")),
            Map.entry(Kind.VARCHAR, Set.of("text", "varchar", "bpchar")),
            Map.entry(Kind.TEXT, Set.of("text", "varchar", "bpchar")),
            Map.entry(Kind.JSON, Set.of("json")),
            Map.entry(Kind.UUID, Set.of("uuid")),
            Map.entry(Kind.DATE, Set.of("date")),
            Map.entry(Kind.TIME, Set.of("time")),
            Map.entry(Kind.TIMESTAMP, Set.of("timestamp")),
            Map.entry(Kind.TIMESTAMPTZ, Set.of("timestamptz")),
            Map.entry(Kind.BLOB, Set.of("bytea")));

    private final Connection connection;
    private final String sql;
    private final String[] types;
    private final List<ValueCodec> codecs;
    private byte[] buf = new byte[0];
    private int pos;
    private CopyOut copy;

    private PostgresCopySource(Connection connection, String sql, String[] types, List<ValueCodec> codecs) {
        this.connection = connection;
        this.sql = sql;
        this.types = types;
        this.codecs = codecs;
    }

    /** A reader of the table, or empty when a column's type is not one decoded here for its kind. */
    static Optional<PostgresCopySource> of(Connection c, String qualifiedTable, List<String> quotedColumns,
                                           List<ValueCodec> codecs) throws SQLException {
        String columns = String.join(", ", quotedColumns);
        String[] types = new String[quotedColumns.size()];
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + columns + " FROM " + qualifiedTable + " WHERE false")) {
            ResultSetMetaData meta = rs.getMetaData();
            for (int i = 0; i < types.length; i++) {
                types[i] = PostgresTransferDialect.baseTypeName(meta.getColumnTypeName(i + 1));
                if (!TYPES.get(codecs.get(i).kind()).contains(types[i])) {
                    return Optional.empty();
                }
            }
        }
        return Optional.of(new PostgresCopySource(c, "COPY " + qualifiedTable + " (" + columns
                + ") TO STDOUT (FORMAT binary)", types, codecs));
    }

    /**
     * Reads every row and hands it to {@code handler}. When the handler or a value fails, the rest of the COPY is
     * read and dropped: pgjdbc cancels a COPY out with a cancel request, which may reach the server after the
     * COPY ended and cancel the next statement instead.
     */
    void read(TransferDialect.RowHandler handler) throws SQLException {
        copy = connection.unwrap(PGConnection.class).getCopyAPI().copyOut(sql);
        try {
            need(CopyBinary.HEADER.length);
            for (int i = 0; i < CopyBinary.HEADER.length - 8; i++) {   // the signature; flags and extension 0 here
                if (buf[pos + i] != CopyBinary.HEADER[i]) {
                    throw new SQLException("COPY did not return the binary format's signature.");
                }
            }
            pos += CopyBinary.HEADER.length;
            Object[] row = new Object[types.length];
            while (true) {
                need(2);
                int fields = int2();
                if (fields == -1) {
                    break;
                }
                if (fields != types.length) {
                    throw new SQLException("COPY returned " + fields + " fields, not " + types.length + ".");
                }
                for (int i = 0; i < fields; i++) {
                    need(4);
                    int length = int4();
                    need(Math.max(length, 0));
                    try {
                        row[i] = length < 0 ? null
                                : PostgresTransferDialect.canonical(decode(types[i], length), codecs.get(i));
                    } catch (Rejected r) {
                        throw handler.rejected(i, r);
                    }
                    pos += Math.max(length, 0);
                }
                handler.row(row);
            }
        } catch (SQLException | RuntimeException e) {
            try {
                drain();
            } catch (SQLException drainFailure) {
                e.addSuppressed(drainFailure);
            }
            throw e;
        }
        drain();
    }

    private void drain() throws SQLException {
        while (copy.isActive() && copy.readFromCopy() != null) {
            // the end of the COPY, after its trailer or after a failure
        }
    }

    /** The field of {@code length} bytes at pos, as pgjdbc's result set gives it (temporals as their text). */
    private Object decode(String type, int length) throws Rejected {
        switch (type) {
            case "int2":
                return (long) (short) int2At(pos);
            case "int4":
                return (long) int4At(pos);
            case "int8":
                return int8At(pos);
            case "float4":
                return Float.intBitsToFloat(int4At(pos));
            case "float8":
                return Double.longBitsToDouble(int8At(pos));
            case "bool":
                return buf[pos] != 0;
            case "numeric":
                return numeric();
            case "uuid":
                return new UUID(int8At(pos), int8At(pos + 8));
            case "bytea":
                byte[] bytes = new byte[length];
                System.arraycopy(buf, pos, bytes, 0, length);
                return bytes;
            case "date":
                return dateText(int4At(pos));
            case "time":
                long micros = int8At(pos);
                return micros == CopyBinary.MICROS_PER_DAY ? "24:00:00"
                        : ValueCodec.canonical(LocalTime.ofNanoOfDay(micros * 1000));
            case "timestamp":
                return timestampText(int8At(pos));
            case "timestamptz":
                long t = int8At(pos);
                if (t == Long.MAX_VALUE || t == Long.MIN_VALUE) {
                    throw new Rejected("is a timestamptz that the other database cannot hold (infinity)",
                            t > 0 ? "infinity" : "-infinity");
                }
                return OffsetDateTime.of(dateTime(t), ZoneOffset.UTC);
            default:   // text, varchar, bpchar, json: UTF-8
                return new String(buf, pos, length, StandardCharsets.UTF_8);
        }
    }

    /** PostgreSQL's text of a date: {@code yyyy-MM-dd}, {@code ... BC} before year 1, or infinity. */
    private static String dateText(int days) {
        if (days == Integer.MAX_VALUE || days == Integer.MIN_VALUE) {
            return days > 0 ? "infinity" : "-infinity";
        }
        LocalDate d = LocalDate.ofEpochDay(days + CopyBinary.EPOCH_DAY_2000);
        return d.getYear() < 1 ? d.withYear(1 - d.getYear()) + " BC" : d.toString();
    }

    /** PostgreSQL's text of a timestamp, as {@link #dateText} for dates. */
    private static String timestampText(long micros) {
        if (micros == Long.MAX_VALUE || micros == Long.MIN_VALUE) {
            return micros > 0 ? "infinity" : "-infinity";
        }
        LocalDateTime t = dateTime(micros);
        return t.getYear() < 1 ? ValueCodec.canonical(t.withYear(1 - t.getYear())) + " BC" : ValueCodec.canonical(t);
    }

    private static LocalDateTime dateTime(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int nanos = (int) Math.floorMod(micros, 1_000_000L) * 1000;
        return LocalDateTime.ofEpochSecond(seconds + CopyBinary.EPOCH_SECOND_2000, nanos, ZoneOffset.UTC);
    }

    /**
     * A numeric from its base-10,000 digits, weight, sign and display scale; NaN and the infinities as the
     * doubles pgjdbc gives for them.
     */
    private Object numeric() {
        int digits = int2At(pos);
        int weight = (short) int2At(pos + 2);
        int sign = int2At(pos + 4);
        int scale = int2At(pos + 6);
        if (sign == 0xc000) {
            return Double.NaN;
        }
        if (sign == 0xd000 || sign == 0xf000) {
            return sign == 0xd000 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
        }
        if (digits == 0) {
            return BigDecimal.ZERO.setScale(scale);
        }
        BigDecimal d;
        int exponent = 4 * (digits - 1 - weight);   // the scale of the last digit
        if (digits <= 4) {
            long unscaled = 0;
            for (int i = 0; i < digits; i++) {
                unscaled = unscaled * 10_000 + int2At(pos + 8 + 2 * i);
            }
            d = BigDecimal.valueOf(unscaled, exponent);
        } else {
            BigInteger unscaled = BigInteger.ZERO;
            BigInteger base = BigInteger.valueOf(10_000);
            for (int i = 0; i < digits; i++) {
                unscaled = unscaled.multiply(base).add(BigInteger.valueOf(int2At(pos + 8 + 2 * i)));
            }
            d = new BigDecimal(unscaled, exponent);
        }
        return sign == 0x4000 ? d.negate() : d;
    }

    /** Makes the next n bytes available at pos, taking the next COPY messages as needed. */
    private void need(int n) throws SQLException {
        while (buf.length - pos < n) {
            byte[] next = copy.readFromCopy();
            if (next == null) {
                throw new SQLException("COPY ended in the middle of a row.");
            }
            if (pos == buf.length) {
                buf = next;
            } else {
                byte[] joined = new byte[buf.length - pos + next.length];
                System.arraycopy(buf, pos, joined, 0, buf.length - pos);
                System.arraycopy(next, 0, joined, buf.length - pos, next.length);
                buf = joined;
            }
            pos = 0;
        }
    }

    private int int2() {
        int v = (short) int2At(pos);
        pos += 2;
        return v;
    }

    private int int4() {
        int v = int4At(pos);
        pos += 4;
        return v;
    }

    private int int2At(int p) {
        return (buf[p] & 0xff) << 8 | buf[p + 1] & 0xff;
    }

    private int int4At(int p) {
        return (buf[p] & 0xff) << 24 | (buf[p + 1] & 0xff) << 16 | (buf[p + 2] & 0xff) << 8 | buf[p + 3] & 0xff;
    }

    private long int8At(int p) {
        return (long) int4At(p) << 32 | int4At(p + 4) & 0xffffffffL;
    }
}
