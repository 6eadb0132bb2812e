package io.dataport.spi;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.UUID;

/** The conversions of {@link ValueCodec#convert}: from what JDBC drivers give to the portable types. */
final class PortableValues {
    private PortableValues() {
    }

    static Object convert(Object raw, ColumnType type) {
        try {
            Object value = switch (type) {
                case LONG -> integral(raw).longValueExact();
                case INT -> integral(raw).intValueExact();
                case SHORT -> integral(raw).shortValueExact();
                case DOUBLE -> raw instanceof Number n ? (Object) n.doubleValue()
                        : raw instanceof String t ? (Object) Double.parseDouble(t) : null;
                case BOOLEAN -> bool(raw);
                case STRING -> raw instanceof String || raw instanceof Number || raw instanceof Boolean
                        || raw instanceof UUID || raw instanceof Character ? raw.toString()
                        : raw instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : null;
                case BIG_DECIMAL -> decimal(raw);
                case BYTES -> raw instanceof byte[] ? raw : null;
                case UUID -> raw instanceof UUID ? raw : raw instanceof String t ? UUID.fromString(t) : null;
                case INSTANT -> instant(raw);
                case OFFSET_DATE_TIME -> {
                    Instant i = instant(raw);
                    yield i == null ? null : i.atOffset(ZoneOffset.UTC);
                }
                case LOCAL_DATE_TIME -> localDateTime(raw);
                case LOCAL_DATE -> raw instanceof LocalDate ? raw : raw instanceof java.sql.Date d ? d.toLocalDate()
                        : raw instanceof String t ? LocalDate.parse(t.length() > 10 ? t.substring(0, 10) : t) : null;
                case LOCAL_TIME -> raw instanceof LocalTime ? raw : raw instanceof java.sql.Time t ? t.toLocalTime()
                        : raw instanceof String t ? LocalTime.parse(t) : null;
            };
            if (value != null) {
                return value;
            }
        } catch (ArithmeticException | IllegalArgumentException | DateTimeParseException e) {
            throw new IllegalArgumentException("a " + raw.getClass().getSimpleName() + " that is not a "
                    + type.name().toLowerCase(java.util.Locale.ROOT) + " (" + e.getClass().getSimpleName() + ")", e);
        }
        throw new IllegalArgumentException("a " + raw.getClass().getSimpleName() + ", not a "
                + type.name().toLowerCase(java.util.Locale.ROOT));
    }

    private static BigDecimal integral(Object raw) {
        BigDecimal d = decimal(raw);
        if (d == null || raw instanceof Boolean) {
            throw new IllegalArgumentException("not a number");
        }
        return d.stripTrailingZeros().scale() > 0 ? d.setScale(0) : d;
    }

    private static BigDecimal decimal(Object raw) {
        if (raw instanceof BigDecimal d) {
            return d;
        }
        if (raw instanceof BigInteger i) {
            return new BigDecimal(i);
        }
        if (raw instanceof Double || raw instanceof Float) {
            return new BigDecimal(raw.toString());
        }
        if (raw instanceof Number n) {
            return BigDecimal.valueOf(n.longValue());
        }
        if (raw instanceof String t) {
            return new BigDecimal(t.strip());
        }
        return null;
    }

    private static Boolean bool(Object raw) {
        if (raw instanceof Boolean b) {
            return b;
        }
        if (raw instanceof Number n) {
            long v = integral(n).longValueExact();
            if (v == 0 || v == 1) {
                return v == 1;
            }
        }
        return null;
    }

    private static Instant instant(Object raw) {
        if (raw instanceof Instant i) {
            return i;
        }
        if (raw instanceof OffsetDateTime o) {
            return o.toInstant();
        }
        if (raw instanceof Timestamp t) {
            return t.toInstant();
        }
        if (raw instanceof LocalDateTime l) {
            return l.toInstant(ZoneOffset.UTC);
        }
        if (raw instanceof String t) {
            String iso = t.strip().replace(' ', 'T');
            if (iso.endsWith("Z") || iso.matches(".*[+-]\\d\\d(:?\\d\\d)?$") && iso.length() > 19) {
                return OffsetDateTime.parse(iso.endsWith("+00") ? iso + ":00" : iso).toInstant();
            }
            return LocalDateTime.parse(iso).toInstant(ZoneOffset.UTC);
        }
        return null;
    }

    private static LocalDateTime localDateTime(Object raw) {
        if (raw instanceof LocalDateTime l) {
            return l;
        }
        if (raw instanceof Timestamp t) {
            return t.toLocalDateTime();
        }
        if (raw instanceof String t) {
            return LocalDateTime.parse(t.strip().replace(' ', 'T'));
        }
        return null;
    }
}
