package io.dataport.sqlite;

import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;

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
 * SQLite's spelling of core's SQL and its storage of portable values. SQLite has five storage classes, so:
 * booleans are INTEGER 0/1; BigDecimal is TEXT (exact, where REAL would round); UUID is TEXT; temporal values
 * are ISO-8601 TEXT with exactly six fraction digits, so text order is time order (Instant and OffsetDateTime
 * in UTC with a {@code Z}). A generated id is {@code INTEGER PRIMARY KEY}, the rowid itself: ids are never
 * reused while the largest row stays, and no AUTOINCREMENT bookkeeping table is needed.
 */
final class SqliteDialect implements Dialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();

    private static final DateTimeFormatter LOCAL_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS");
    private static final DateTimeFormatter UTC_DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd");
    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");

    private SqliteDialect() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String columnType(ColumnType type, int length) {
        switch (type) {
            case LONG:
            case INT:
            case SHORT:
            case BOOLEAN:
                return "INTEGER";
            case DOUBLE:
                return "REAL";
            case STRING:
                return length > 0 ? "VARCHAR(" + length + ")" : "TEXT";
            case BYTES:
                return "BLOB";
            default:
                // BigDecimal, UUID and temporal values are stored as text.
                return "TEXT";
        }
    }

    @Override
    public String generatedIdColumn(ColumnType type) {
        return "INTEGER PRIMARY KEY";
    }

    /**
     * sqlite-jdbc returns no generated keys from a batch. In a write transaction on the one writer, SQLite gives
     * each new row the largest rowid plus one, so a batch's ids are consecutive and end at
     * {@code last_insert_rowid()}; core checks that they are.
     */
    @Override
    public String lastGeneratedIdQuery() {
        return "SELECT last_insert_rowid()";
    }

    /** BigDecimal is text: sort it by its numeric value (to double precision; ties then go by id). */
    @Override
    public String orderExpression(String quotedColumn, ColumnType type) {
        return type == ColumnType.BIG_DECIMAL ? "CAST(" + quotedColumn + " AS REAL)" : quotedColumn;
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
                statement.setString(index, UTC_DATE_TIME.format(((Instant) value).atOffset(ZoneOffset.UTC)));
                break;
            case OFFSET_DATE_TIME:
                statement.setString(index, UTC_DATE_TIME.format(((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC)));
                break;
            case LOCAL_DATE_TIME:
                statement.setString(index, LOCAL_DATE_TIME.format((LocalDateTime) value));
                break;
            case LOCAL_DATE:
                statement.setString(index, LOCAL_DATE.format((LocalDate) value));
                break;
            case LOCAL_TIME:
                statement.setString(index, LOCAL_TIME.format((LocalTime) value));
                break;
            default:
                Dialect.super.bind(statement, index, type, value);
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
                return Dialect.super.sqlType(type);
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
                return Dialect.super.read(rs, index, type);
        }
    }

    /**
     * Reads what Dataport writes (ISO-8601 text, UTC for instants), and also what others often write: a space
     * instead of the {@code T}, fewer fraction digits, or sqlite-jdbc's epoch milliseconds.
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
