package io.dataport.sqlite;

import io.dataport.spi.ColumnType;
import io.dataport.spi.ValueCodec;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * SQLite's storage of portable values. SQLite has five storage classes, so: booleans are INTEGER 0/1;
 * BigDecimal is bound as text: kept as TEXT in an undeclared decimal's column (exact, where REAL would round), and
 * turned into a number by a declared decimal's {@code NUMERIC(p,s)} column (core caps p at 15 and reads it back at
 * scale s); UUID is TEXT; temporal values are TEXT with exactly six
 * fraction digits, so text order is time order. Date-times are {@code YYYY-MM-DD HH:MM:SS.SSSSSS} (a space, no
 * zone; Instant and OffsetDateTime in UTC): the form of SQLite's own {@code CURRENT_TIMESTAMP} and
 * {@code datetime('now')}, so the application's SQL can compare stored times with the database's clock as text.
 * The ISO form Dataport wrote before ({@code 2024-01-02T03:04:05.000000Z}) is still read.
 */
final class SqliteCodec implements ValueCodec {
    static final SqliteCodec INSTANCE = new SqliteCodec();

    /** Local date-times, and instants at UTC: SQLite's {@code CURRENT_TIMESTAMP} form with six fraction digits. */
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private SqliteCodec() {
    }

    @Override
    public void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        switch (type) {
            case BOOLEAN:
                statement.setInt(index, (Boolean) value ? 1 : 0);
                break;
            case BIG_DECIMAL:
                statement.setString(index, ((BigDecimal) value).toString());
                break;
            case UUID:
                statement.setString(index, value.toString());
                break;
            case INSTANT:
                statement.setString(index, DATE_TIME.format(((Instant) value).atOffset(ZoneOffset.UTC)));
                break;
            case OFFSET_DATE_TIME:
                statement.setString(index, DATE_TIME.format(((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC)));
                break;
            case LOCAL_DATE_TIME:
                statement.setString(index, DATE_TIME.format((LocalDateTime) value));
                break;
            case LOCAL_DATE:
                statement.setString(index, LOCAL_DATE.format((LocalDate) value));
                break;
            case LOCAL_TIME:
                statement.setString(index, LOCAL_TIME.format((LocalTime) value));
                break;
            default:
                ValueCodec.super.bind(statement, index, type, value);
                break;
        }
    }

    @Override
    public int sqlType(ColumnType type) {
        switch (type) {
            case BOOLEAN:
                return Types.INTEGER;
            case BYTES:
                return Types.BLOB;
            case LONG:
            case INT:
            case SHORT:
            case DOUBLE:
                return ValueCodec.super.sqlType(type);
            default:
                return Types.VARCHAR;
        }
    }

    @Override
    public Object read(ResultSet rs, int index, ColumnType type) throws SQLException {
        switch (type) {
            case BIG_DECIMAL: {
                String v = rs.getString(index);
                return v == null ? null : new BigDecimal(v);
            }
            case UUID: {
                String v = rs.getString(index);
                return v == null ? null : UUID.fromString(v);
            }
            case INSTANT: {
                LocalDateTime v = readDateTime(rs, index);
                return v == null ? null : v.toInstant(ZoneOffset.UTC);
            }
            case OFFSET_DATE_TIME: {
                LocalDateTime v = readDateTime(rs, index);
                return v == null ? null : v.atOffset(ZoneOffset.UTC);
            }
            case LOCAL_DATE_TIME:
                return readDateTime(rs, index);
            case LOCAL_DATE: {
                String v = rs.getString(index);
                return v == null ? null : LocalDate.parse(v);
            }
            case LOCAL_TIME: {
                String v = rs.getString(index);
                return v == null ? null : LocalTime.parse(v);
            }
            default:
                return ValueCodec.super.read(rs, index, type);
        }
    }

    /**
     * Reads what Dataport writes ({@code YYYY-MM-DD HH:MM:SS.SSSSSS}, UTC for instants), what it wrote before
     * (ISO-8601 with a {@code T}, and a {@code Z} for instants), and what others often write: fewer fraction
     * digits, or sqlite-jdbc's epoch milliseconds.
     */
    private static LocalDateTime readDateTime(ResultSet rs, int index) throws SQLException {
        Object v = rs.getObject(index);
        if (v == null) {
            return null;
        }
        if (v instanceof Number) {
            return LocalDateTime.ofInstant(Instant.ofEpochMilli(((Number) v).longValue()), ZoneOffset.UTC);
        }
        String s = v.toString();
        if (s.endsWith("Z")) {
            s = s.substring(0, s.length() - 1);
        }
        if (s.length() > 10 && s.charAt(10) == ' ') {
            s = s.substring(0, 10) + 'T' + s.substring(11);
        }
        return LocalDateTime.parse(s);
    }
}
