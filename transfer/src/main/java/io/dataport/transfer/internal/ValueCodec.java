package io.dataport.transfer.internal;

import io.dataport.transfer.internal.LogicalType.Kind;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Converts one column's values into canonical Java values, checking they fit the target type, and gives their
 * canonical text: the one place that decides what a value is. Both sides of a transfer read through the same
 * codec (each database's {@link TransferDialect#read} hands it what its driver returns), so the checksums
 * compare like with like.
 *
 * <p>Canonical values: {@code Long} for integers, {@code BigDecimal} without trailing zeros for decimals,
 * {@code Double}, {@code Boolean}, {@code String} for text, UUID and JSON, {@code LocalDate},
 * {@code LocalTime}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code byte[]}.
 */
final class ValueCodec {
    private static final HexFormat HEX = HexFormat.of();
    private static final DateTimeFormatter TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm:ss").optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
            .optionalEnd().toFormatter(Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ').append(TIME).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter TIMESTAMPTZ = new DateTimeFormatterBuilder()
            .append(TIMESTAMP).appendOffset("+HH:MM", "+00:00").toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LENIENT_TIME = new DateTimeFormatterBuilder()
            .appendPattern("HH:mm").optionalStart().appendPattern(":ss").optionalEnd()
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LENIENT_TIMESTAMP = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
            .optionalStart().append(LENIENT_TIME).optionalEnd()
            .parseDefaulting(ChronoField.HOUR_OF_DAY, 0).toFormatter(Locale.ROOT);
    private static final DateTimeFormatter LENIENT_TIMESTAMPTZ = new DateTimeFormatterBuilder()
            .append(DateTimeFormatter.ISO_LOCAL_DATE)
            .optionalStart().appendLiteral(' ').optionalEnd().optionalStart().appendLiteral('T').optionalEnd()
            .append(LENIENT_TIME).optionalStart().appendLiteral(' ').optionalEnd()
            .appendOffset("+HH:MM:ss", "Z").toFormatter(Locale.ROOT);

    private final LogicalType type;
    private final Kind kind;

    /** A codec for a column of the given logical type. */
    ValueCodec(LogicalType type) {
        this.type = type;
        this.kind = type.kind();
    }

    /** The kind of the column's values. */
    Kind kind() {
        return kind;
    }

    /** A source value as this column's canonical value; rejects what the target type cannot hold unchanged. */
    Object convert(Object v) throws Rejected {
        switch (kind) {
            case SMALLINT:
            case INTEGER:
            case BIGINT:
                return integer(v);
            case DECIMAL:
                return decimal(v);
            case DOUBLE:
                return real(v);
            case BOOLEAN:
                return bool(v);
            case CHAR:
            case VARCHAR:
            case TEXT:
            case JSON:
                return text(v);
            case UUID:
                try {
                    return java.util.UUID.fromString(text(v)).toString();
                } catch (IllegalArgumentException e) {
                    throw reject("is not a UUID", v);
                }
            case DATE:
                return temporal(v, ValueCodec::date, "a date (yyyy-MM-dd)");
            case TIME:
                return temporal(v, s -> LocalTime.parse(s, LENIENT_TIME), "a time (HH:mm:ss)");
            case TIMESTAMP:
                return temporal(v, ValueCodec::parseTimestamp, "a timestamp (yyyy-MM-dd HH:mm:ss)");
            case TIMESTAMPTZ:
                return temporal(v, s -> OffsetDateTime.parse(s, LENIENT_TIMESTAMPTZ)
                        .withOffsetSameInstant(java.time.ZoneOffset.UTC), "a timestamp with offset");
            case BLOB:
                if (v instanceof byte[]) {
                    return v;
                }
                throw reject("is " + storage(v) + ", not a blob", v);
            default:
                throw new IllegalStateException("kind " + kind);
        }
    }

    private Long integer(Object v) throws Rejected {
        long n;
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            n = ((Number) v).longValue();
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (d != Math.rint(d) || Double.isInfinite(d) || Math.abs(d) >= 0x1p63) {
                throw reject("is a real number, not an integer", v);
            }
            n = (long) d;
        } else if (v instanceof BigDecimal) {
            try {
                n = ((BigDecimal) v).longValueExact();
            } catch (ArithmeticException e) {
                throw reject("is not an integer within 64 bits", v);
            }
        } else {
            throw reject("is " + storage(v) + ", not an integer", v);
        }
        if (kind == Kind.SMALLINT && (n < Short.MIN_VALUE || n > Short.MAX_VALUE)) {
            throw reject("is outside the range of smallint", v);
        }
        if (kind == Kind.INTEGER && (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE)) {
            throw reject("is outside the range of integer", v);
        }
        return n;
    }

    private BigDecimal decimal(Object v) throws Rejected {
        BigDecimal d;
        if (v instanceof BigDecimal) {
            d = (BigDecimal) v;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            d = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof Double || v instanceof Float) {
            double x = ((Number) v).doubleValue();
            if (Double.isNaN(x) || Double.isInfinite(x)) {
                throw reject("is not a finite number", v);
            }
            d = new BigDecimal(Double.toString(x));
        } else if (v instanceof String) {
            try {
                d = new BigDecimal(((String) v).trim());
            } catch (NumberFormatException e) {
                throw reject("is text, not a number", v);
            }
        } else {
            throw reject("is " + storage(v) + ", not a number", v);
        }
        d = strip(d);
        if (type.precision() > 0) {
            if (d.scale() > type.scale()) {
                throw reject("has more decimal places than " + type.describe() + " keeps (it would be rounded)", v);
            }
            if (d.precision() - d.scale() > type.precision() - type.scale()) {
                throw reject("has more integer digits than " + type.describe() + " holds", v);
            }
        }
        return d;
    }

    private static BigDecimal strip(BigDecimal d) {
        if (d.signum() == 0) {
            return BigDecimal.ZERO;
        }
        d = d.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0) : d;
    }

    private Double real(Object v) throws Rejected {
        if (v instanceof Double || v instanceof Float) {
            return ((Number) v).doubleValue();
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            long n = ((Number) v).longValue();
            double d = (double) n;
            if ((long) d != n) {
                throw reject("is an integer too large for double precision", v);
            }
            return d;
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).doubleValue();
        }
        throw reject("is " + storage(v) + ", not a number", v);
    }

    private Boolean bool(Object v) throws Rejected {
        if (v instanceof Boolean) {
            return (Boolean) v;
        }
        if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            long n = ((Number) v).longValue();
            if (n == 0 || n == 1) {
                return n == 1;
            }
            throw reject("is an integer other than 0 or 1, not a boolean", v);
        }
        if (v instanceof String) {
            String s = ((String) v).trim().toLowerCase(Locale.ROOT);
            if (s.equals("true") || s.equals("false")) {
                return s.equals("true");
            }
        }
        throw reject("is " + storage(v) + ", not a boolean (0, 1, true or false)", v);
    }

    private String text(Object v) throws Rejected {
        String s;
        if (v instanceof String) {
            s = (String) v;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short) {
            s = v.toString();
        } else if (v instanceof java.util.UUID) {
            s = v.toString();
        } else if (v instanceof BigDecimal && kind == Kind.TEXT) {
            s = ((BigDecimal) v).toPlainString();
        } else {
            throw reject("is " + storage(v) + ", not text", v);
        }
        if (s.indexOf('\0') >= 0) {
            throw reject("contains a NUL character, which PostgreSQL text cannot hold", v);
        }
        if (type.length() > 0 && s.codePointCount(0, s.length()) > type.length()) {
            throw reject("is longer than " + type.length() + " characters", v);
        }
        return s;
    }

    private interface Parser {
        Object parse(String s);
    }

    private Object temporal(Object v, Parser parser, String what) throws Rejected {
        if (v instanceof java.sql.Timestamp) {
            LocalDateTime t = ((java.sql.Timestamp) v).toLocalDateTime();
            return kind == Kind.DATE ? t.toLocalDate() : t;
        }
        if (!(v instanceof String)) {
            throw reject("is " + storage(v) + ", not " + what + " in text form", v);
        }
        Object parsed;
        try {
            parsed = parser.parse(((String) v).trim());
        } catch (DateTimeParseException e) {
            throw reject("is not " + what, v);
        }
        int nanos = parsed instanceof LocalDateTime ? ((LocalDateTime) parsed).getNano()
                : parsed instanceof LocalTime ? ((LocalTime) parsed).getNano()
                : parsed instanceof OffsetDateTime ? ((OffsetDateTime) parsed).getNano() : 0;
        if (nanos % 1000 != 0) {
            throw reject("has more than 6 fractional digits of seconds (it would be rounded)", v);
        }
        return parsed;
    }

    /**
     * Parses {@code yyyy-MM-dd HH:mm:ss[.f]} by hand, the form nearly every stored timestamp has (the formatter
     * costs a microsecond a value); anything else goes to the lenient formatter.
     */
    static LocalDateTime parseTimestamp(String s) {
        int n = s.length();
        if (n >= 19 && s.charAt(4) == '-' && s.charAt(7) == '-' && s.charAt(10) == ' ' && s.charAt(13) == ':'
                && s.charAt(16) == ':' && (n == 19 || n > 20 && n <= 29 && s.charAt(19) == '.')) {
            int year = digits(s, 0, 4);
            int month = digits(s, 5, 7);
            int day = digits(s, 8, 10);
            int hour = digits(s, 11, 13);
            int minute = digits(s, 14, 16);
            int second = digits(s, 17, 19);
            int nanos = 0;
            if (n > 19) {
                nanos = digits(s, 20, n);
                for (int i = n - 20; i < 9; i++) {
                    nanos *= 10;
                }
            }
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && minute >= 0 && second >= 0 && nanos >= 0) {
                try {
                    return LocalDateTime.of(year, month, day, hour, minute, second, nanos);
                } catch (java.time.DateTimeException e) {
                    throw new DateTimeParseException(e.getMessage(), s, 0);
                }
            }
        }
        return LocalDateTime.parse(s, LENIENT_TIMESTAMP);
    }

    /** The number in s[from, to) if it is all ASCII digits, else -1. */
    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static LocalDate date(String s) {
        if (s.length() <= 10) {
            return LocalDate.parse(s);
        }
        LocalDateTime t = parseTimestamp(s);
        if (!t.toLocalTime().equals(LocalTime.MIDNIGHT)) {
            throw new DateTimeParseException("time of day in a date", s, 10);
        }
        return t.toLocalDate();
    }

    private Rejected reject(String problem, Object value) {
        return new Rejected(problem, value);
    }

    /** How a value is stored, in the words of the source, for messages: never the value itself. */
    static String storage(Object v) {
        if (v instanceof String) {
            return "text";
        }
        if (v instanceof byte[]) {
            return "a blob";
        }
        if (v instanceof Double || v instanceof Float) {
            return "a real number";
        }
        if (v instanceof Number) {
            return "an integer";
        }
        return "a " + v.getClass().getSimpleName();
    }

    /** The canonical text of a canonical value: what the checksum hashes. */
    static String canonical(Object v) {
        if (v instanceof String) {
            return (String) v;
        }
        if (v instanceof Long) {
            return v.toString();
        }
        if (v instanceof LocalDateTime) {
            return timestamp((LocalDateTime) v);
        }
        if (v instanceof BigDecimal) {
            return ((BigDecimal) v).toPlainString();
        }
        if (v instanceof Boolean) {
            return (Boolean) v ? "t" : "f";
        }
        if (v instanceof LocalDateTime) {
            return TIMESTAMP.format((LocalDateTime) v);
        }
        if (v instanceof OffsetDateTime) {
            return TIMESTAMPTZ.format((OffsetDateTime) v);
        }
        if (v instanceof LocalTime) {
            return TIME.format((LocalTime) v);
        }
        if (v instanceof byte[]) {
            return HEX.formatHex((byte[]) v);
        }
        return v.toString();
    }

    /** {@code yyyy-MM-dd HH:mm:ss[.fraction without trailing zeros]}, by hand: the formatter is slow on hot paths. */
    private static String timestamp(LocalDateTime t) {
        int year = t.getYear();
        if (year < 1000 || year > 9999) {
            return TIMESTAMP.format(t);
        }
        StringBuilder sb = new StringBuilder(29);
        sb.append(year).append('-');
        two(sb, t.getMonthValue()).append('-');
        two(sb, t.getDayOfMonth()).append(' ');
        two(sb, t.getHour()).append(':');
        two(sb, t.getMinute()).append(':');
        two(sb, t.getSecond());
        int nanos = t.getNano();
        if (nanos > 0) {
            String digits = Integer.toString(nanos + 1_000_000_000).substring(1);
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append('.').append(digits, 0, end);
        }
        return sb.toString();
    }

    private static StringBuilder two(StringBuilder sb, int n) {
        return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
    }
}
