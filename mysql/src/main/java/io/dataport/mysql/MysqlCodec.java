package io.dataport.mysql;

import io.dataport.ConstraintViolationException;
import io.dataport.spi.ColumnType;
import io.dataport.spi.ValueCodec;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * How values are stored on MySQL and MariaDB ({@link MysqlDialect#columnType}): instants and offset date-times
 * as their UTC {@code DATETIME(6)}, UUIDs as text, undeclared decimals as their text (exactly as given, scale
 * kept); the rest as JDBC 4.2 has it.
 */
final class MysqlCodec implements ValueCodec {
    static final MysqlCodec INSTANCE = new MysqlCodec();

    private MysqlCodec() {
    }

    @Override
    public void bind(PreparedStatement statement, int index, ColumnType type, Object value) throws SQLException {
        switch (type) {
            case INSTANT:
                statement.setObject(index, LocalDateTime.ofInstant((Instant) value, ZoneOffset.UTC));
                break;
            case OFFSET_DATE_TIME:
                statement.setObject(index, ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC)
                        .toLocalDateTime());
                break;
            case DOUBLE: {
                double d = (Double) value;
                if (Double.isInfinite(d)) {
                    throw new ConstraintViolationException("A double holds " + d + ", which MySQL's DOUBLE cannot "
                            + "store (it has no infinities, unlike SQLite and PostgreSQL). Store null or a finite "
                            + "number, such as Double.MAX_VALUE.", null, null);
                }
                // MySQL's DOUBLE has no negative zero: it stores 0 (and -0.0 == 0.0 in Java too).
                statement.setDouble(index, d == 0 ? 0.0 : d);
                break;
            }
            case UUID:
                statement.setString(index, value.toString());
                break;
            case BIG_DECIMAL:
                statement.setString(index, value.toString());
                break;
            default:
                ValueCodec.super.bind(statement, index, type, value);
                break;
        }
    }

    @Override
    public Object read(ResultSet rs, int index, ColumnType type) throws SQLException {
        switch (type) {
            case INSTANT: {
                LocalDateTime v = rs.getObject(index, LocalDateTime.class);
                return v == null ? null : v.toInstant(ZoneOffset.UTC);
            }
            case OFFSET_DATE_TIME: {
                LocalDateTime v = rs.getObject(index, LocalDateTime.class);
                return v == null ? null : v.atOffset(ZoneOffset.UTC);
            }
            case UUID: {
                String v = rs.getString(index);
                return v == null ? null : UUID.fromString(v);
            }
            case BIG_DECIMAL: {
                String v = rs.getString(index);
                return v == null ? null : new BigDecimal(v);
            }
            default:
                return ValueCodec.super.read(rs, index, type);
        }
    }

    @Override
    public int sqlType(ColumnType type) {
        switch (type) {
            case UUID:
            case BIG_DECIMAL:
                return Types.VARCHAR;
            case INSTANT:
            case OFFSET_DATE_TIME:
                return Types.TIMESTAMP;
            default:
                return ValueCodec.super.sqlType(type);
        }
    }
}
