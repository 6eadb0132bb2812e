package io.dataport.spi;

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

/**
 * How a backend stores each portable {@link ColumnType}: how a value is bound and read back so that it comes
 * back equal. Every method has a default written for JDBC 4.2 ({@link #STANDARD}, which PostgreSQL uses as it
 * is), so a backend overrides only the types it stores differently. Implementations are stateless and
 * thread-safe.
 */
public interface ValueCodec {
    /** The codec of JDBC 4.2: {@code setObject}/{@code getObject} with the {@code java.time} types. */
    ValueCodec STANDARD = new ValueCodec() {
    };

    /**
     * Binds a non-null value of a portable type. Temporal values arrive already truncated to microseconds,
     * {@link OffsetDateTime}s already at UTC.
     *
     * @param statement the statement
     * @param index     the parameter's position, from 1
     * @param type      the value's portable type
     * @param value     the value, not null
     * @throws SQLException when the driver fails
     */
    default void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        switch (type) {
            case LONG:
                statement.setLong(index, (Long) value);
                break;
            case INT:
                statement.setInt(index, (Integer) value);
                break;
            case SHORT:
                statement.setShort(index, (Short) value);
                break;
            case BOOLEAN:
                statement.setBoolean(index, (Boolean) value);
                break;
            case DOUBLE:
                statement.setDouble(index, (Double) value);
                break;
            case STRING:
                statement.setString(index, (String) value);
                break;
            case BIG_DECIMAL:
                statement.setBigDecimal(index, (BigDecimal) value);
                break;
            case BYTES:
                statement.setBytes(index, (byte[]) value);
                break;
            case INSTANT:
                statement.setObject(index, OffsetDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
                break;
            default:
                statement.setObject(index, value);
                break;
        }
    }

    /**
     * Binds SQL {@code NULL} for a portable type.
     *
     * @param statement the statement
     * @param index     the parameter's position, from 1
     * @param type      the column's portable type
     * @throws SQLException when the driver fails
     */
    default void bindNull(PreparedStatement statement, int index, ColumnType type) throws SQLException {
        statement.setNull(index, sqlType(type));
    }

    /**
     * Reads a column of a portable type; null for SQL {@code NULL}.
     *
     * @param rs    the result set, on a row
     * @param index the column's position, from 1
     * @param type  the column's portable type
     * @return the value, or {@code null}
     * @throws SQLException when the driver fails
     */
    default Object read(ResultSet rs, int index, ColumnType type) throws SQLException {
        switch (type) {
            case LONG: {
                long v = rs.getLong(index);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case INT: {
                int v = rs.getInt(index);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case SHORT: {
                short v = rs.getShort(index);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case BOOLEAN: {
                boolean v = rs.getBoolean(index);
                return !v && rs.wasNull() ? null : v;
            }
            case DOUBLE: {
                double v = rs.getDouble(index);
                return v == 0 && rs.wasNull() ? null : v;
            }
            case STRING:
                return rs.getString(index);
            case BIG_DECIMAL:
                return rs.getBigDecimal(index);
            case BYTES:
                return rs.getBytes(index);
            case UUID:
                return rs.getObject(index, java.util.UUID.class);
            case INSTANT: {
                OffsetDateTime v = rs.getObject(index, OffsetDateTime.class);
                return v == null ? null : v.toInstant();
            }
            case OFFSET_DATE_TIME: {
                OffsetDateTime v = rs.getObject(index, OffsetDateTime.class);
                return v == null ? null : v.withOffsetSameInstant(ZoneOffset.UTC);
            }
            case LOCAL_DATE_TIME:
                return rs.getObject(index, LocalDateTime.class);
            case LOCAL_DATE:
                return rs.getObject(index, LocalDate.class);
            case LOCAL_TIME:
                return rs.getObject(index, LocalTime.class);
            default:
                throw new IllegalArgumentException("Column type unknown: " + type);
        }
    }

    /**
     * A value of the application's own query ({@code Session.query}), read by column as JDBC gives it (the
     * {@code java.time} types for date and time columns, else {@code getObject}), as the portable type a
     * {@code Row} getter asks for: the same Java value on every backend for the same stored value. Integers
     * convert between widths when they fit, booleans come from {@code 0}/{@code 1} too, decimals, UUIDs and times
     * from their text (SQL's {@code YYYY-MM-DD HH:MM:SS[.ffffff]}, or ISO-8601), a local date-time read for an
     * instant is taken as UTC (Dataport stores instants so). A backend overrides what its driver gives otherwise.
     *
     * @param raw  the value read, not null
     * @param type the portable type asked for
     * @return the value
     * @throws IllegalArgumentException when the value is not one of that type (the message names only types)
     */
    default Object convert(Object raw, ColumnType type) {
        return PortableValues.convert(raw, type);
    }

    /**
     * The {@link Types} code of a portable type, for {@link #bindNull}.
     *
     * @param type the portable type
     * @return the {@link Types} code
     */
    default int sqlType(ColumnType type) {
        switch (type) {
            case LONG:
                return Types.BIGINT;
            case INT:
                return Types.INTEGER;
            case SHORT:
                return Types.SMALLINT;
            case BOOLEAN:
                return Types.BOOLEAN;
            case DOUBLE:
                return Types.DOUBLE;
            case STRING:
                return Types.VARCHAR;
            case BIG_DECIMAL:
                return Types.NUMERIC;
            case BYTES:
                return Types.BINARY;
            case UUID:
                return Types.OTHER;
            case INSTANT:
            case OFFSET_DATE_TIME:
                return Types.TIMESTAMP_WITH_TIMEZONE;
            case LOCAL_DATE_TIME:
                return Types.TIMESTAMP;
            case LOCAL_DATE:
                return Types.DATE;
            case LOCAL_TIME:
                return Types.TIME;
            default:
                return Types.OTHER;
        }
    }
}
