package io.dataport.transfer.internal;

import io.dataport.transfer.internal.LogicalType.Kind;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Fields of PostgreSQL's binary {@code COPY} format, for the column types {@link PostgresTransferDialect} creates:
 * each a 32-bit length, big-endian like everything here, then the value as the type's {@code recv} function reads
 * it (integers in 2, 4 or 8 bytes, {@code float8} by its bits, {@code numeric} in base-10,000 digits, temporals as
 * days or microseconds since 2000-01-01, text in UTF-8, {@code uuid} in 16 bytes).
 *
 * <p>Each method writes at {@code pos} of a buffer the caller made room in, and returns the position after it.
 */
final class CopyBinary {
    /** The signature, then no flags and no header extension. */
    static final byte[] HEADER = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0,
        0, 0, 0, 0, 0, 0, 0, 0};

    /** PostgreSQL's epoch for dates and timestamps, 2000-01-01, as a day and a second of Java's (1970-01-01). */
    static final long EPOCH_DAY_2000 = LocalDate.of(2000, 1, 1).toEpochDay();
    static final long EPOCH_SECOND_2000 = EPOCH_DAY_2000 * 86_400;
    /** 24:00:00, the largest time PostgreSQL holds, in microseconds. */
    static final long MICROS_PER_DAY = 86_400_000_000L;

    private CopyBinary() {
    }

    static int header(byte[] buf, int pos) {
        System.arraycopy(HEADER, 0, buf, pos, HEADER.length);
        return pos + HEADER.length;
    }

    static int nullField(byte[] buf, int pos) {
        return int4(buf, pos, -1);
    }

    /** Text, varchar, char and json: the UTF-8 bytes. Room needed: 4 + 3 bytes a UTF-16 unit. */
    static int text(byte[] buf, int pos, String s) throws SQLException {
        int end = Utf8.encode(s, 0, s.length(), buf, pos + 4, true);
        if (end < 0) {
            throw unpairedSurrogate();
        }
        int4(buf, pos, end - pos - 4);
        return end;
    }

    static SQLException unpairedSurrogate() {
        return new SQLException("Text holds an unpaired UTF-16 surrogate and cannot be sent to PostgreSQL."
                + " Fix the value in the source.");
    }

    static int bytes(byte[] buf, int pos, byte[] value) {
        pos = int4(buf, pos, value.length);
        System.arraycopy(value, 0, buf, pos, value.length);
        return pos + value.length;
    }

    /** A UUID in its canonical text form as 16 bytes. Room needed: 20. */
    static int uuid(byte[] buf, int pos, String text) {
        UUID u = UUID.fromString(text);
        pos = int4(buf, pos, 16);
        pos = int8(buf, pos, u.getMostSignificantBits());
        return int8(buf, pos, u.getLeastSignificantBits());
    }

    /**
     * Integers, doubles, booleans and temporals, by the column's kind. Room needed: 12. A value of another type
     * than its kind's canonical one ({@link ValueCodec}) is a bug, not bad data: a {@code ClassCastException}.
     */
    static int fixed(byte[] buf, int pos, Kind kind, Object v) throws SQLException {
        switch (kind) {
            case SMALLINT:
                pos = int4(buf, pos, 2);
                buf[pos] = (byte) ((Long) v >> 8);
                buf[pos + 1] = (byte) (long) (Long) v;
                return pos + 2;
            case INTEGER:
                return int4(buf, int4(buf, pos, 4), (int) (long) (Long) v);
            case BIGINT:
                return int8(buf, int4(buf, pos, 8), (Long) v);
            case DOUBLE:
                return int8(buf, int4(buf, pos, 8), Double.doubleToLongBits((Double) v));
            case BOOLEAN:
                pos = int4(buf, pos, 1);
                buf[pos] = (byte) ((Boolean) v ? 1 : 0);
                return pos + 1;
            case DATE:
                long days = ((LocalDate) v).toEpochDay() - EPOCH_DAY_2000;
                if (days != (int) days) {
                    throw outOfRange("date");
                }
                return int4(buf, int4(buf, pos, 4), (int) days);
            case TIME:
                return int8(buf, int4(buf, pos, 8), ((LocalTime) v).toNanoOfDay() / 1000);
            case TIMESTAMP:
                LocalDateTime t = (LocalDateTime) v;
                return int8(buf, int4(buf, pos, 8), micros(t.toEpochSecond(ZoneOffset.UTC), t.getNano()));
            case TIMESTAMPTZ:
                OffsetDateTime o = (OffsetDateTime) v;
                return int8(buf, int4(buf, pos, 8), micros(o.toEpochSecond(), o.getNano()));
            default:
                throw new IllegalStateException("No binary form for a " + v.getClass().getSimpleName()
                        + " in a " + kind + " column");
        }
    }

    /** A date, time or timestamp in PostgreSQL's own text (as a PostgreSQL source reads it). Room needed: 12. */
    static int temporal(byte[] buf, int pos, Kind kind, String text) throws SQLException {
        switch (kind) {
            case DATE:
                return fixed(buf, pos, kind, LocalDate.parse(text));
            case TIME:
                // PostgreSQL's time goes up to 24:00:00, a LocalTime to 23:59:59.999999999.
                return text.startsWith("24:") ? int8(buf, int4(buf, pos, 8), MICROS_PER_DAY)
                        : fixed(buf, pos, kind, LocalTime.parse(text));
            case TIMESTAMP:
                return fixed(buf, pos, kind, ValueCodec.parseTimestamp(text));
            default:
                return fixed(buf, pos, kind, OffsetDateTime.parse(text));
        }
    }

    private static long micros(long epochSecond, int nanos) throws SQLException {
        try {
            return Math.addExact(Math.multiplyExact(epochSecond - EPOCH_SECOND_2000, 1_000_000L), nanos / 1000);
        } catch (ArithmeticException e) {
            throw outOfRange("timestamp");
        }
    }

    private static SQLException outOfRange(String type) {
        return new SQLException("A " + type + " is outside PostgreSQL's range (from 4713 BC). Fix the value in the"
                + " source.", "22008");
    }

    /** Room needed for {@link #numeric}. */
    static int numericSize(BigDecimal d) {
        int scale = Math.max(d.scale(), 0);
        int integerDigits = Math.max(d.precision() - d.scale(), 0);
        return 4 + 8 + 2 * ((integerDigits + 3) / 4 + (scale + 3) / 4);
    }

    /**
     * A numeric: the count of base-10,000 digits, the weight of the first, the sign and the display scale, then
     * the digits, grouped by four from the decimal point. PostgreSQL strips leading and trailing zero digits.
     */
    static int numeric(byte[] buf, int pos, BigDecimal d) {
        if (d.scale() < 0) {
            d = d.setScale(0);
        }
        String digits = d.unscaledValue().abs().toString();
        int scale = d.scale();
        int integerDigits = digits.length() - scale;          // may be zero or less: 0.00123
        int integerGroups = integerDigits > 0 ? (integerDigits + 3) / 4 : 0;
        int groups = integerGroups + (scale + 3) / 4;
        int lead = 4 * integerGroups - integerDigits;         // zeros before the first digit in the first group
        int start = pos;
        pos += 4;
        pos = int2(buf, pos, groups);
        pos = int2(buf, pos, integerGroups - 1);
        pos = int2(buf, pos, d.signum() < 0 ? 0x4000 : 0);
        pos = int2(buf, pos, scale);
        for (int g = 0; g < groups; g++) {
            int value = 0;
            for (int k = 4 * g - lead, end = k + 4; k < end; k++) {
                value = value * 10 + (k >= 0 && k < digits.length() ? digits.charAt(k) - '0' : 0);
            }
            pos = int2(buf, pos, value);
        }
        int4(buf, start, pos - start - 4);
        return pos;
    }

    private static int int2(byte[] buf, int pos, int v) {
        buf[pos] = (byte) (v >> 8);
        buf[pos + 1] = (byte) v;
        return pos + 2;
    }

    private static int int4(byte[] buf, int pos, int v) {
        buf[pos] = (byte) (v >> 24);
        buf[pos + 1] = (byte) (v >> 16);
        buf[pos + 2] = (byte) (v >> 8);
        buf[pos + 3] = (byte) v;
        return pos + 4;
    }

    private static int int8(byte[] buf, int pos, long v) {
        return int4(buf, int4(buf, pos, (int) (v >> 32)), (int) v);
    }
}
