package io.dataport.internal.session;

import io.dataport.MappingException;
import io.dataport.Row;
import io.dataport.spi.ColumnType;
import io.dataport.spi.ValueCodec;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A {@link Row}: the values as read, converted by the backend's codec when a getter asks for a type. */
final class PortableRow implements Row {
    /** The columns of one result: names, and positions by lower-cased name. */
    record Columns(List<String> names, Map<String, Integer> positions, int[] jdbcTypes) {
        static Columns of(ResultSetMetaData meta) throws SQLException {
            List<String> names = new ArrayList<>();
            Map<String, Integer> positions = new HashMap<>();
            int[] types = new int[meta.getColumnCount()];
            for (int i = 1; i <= types.length; i++) {
                String name = meta.getColumnLabel(i);
                names.add(name);
                positions.putIfAbsent(name.toLowerCase(Locale.ROOT), i);
                int type = meta.getColumnType(i);
                String typeName = String.valueOf(meta.getColumnTypeName(i)).toLowerCase(Locale.ROOT);
                // pgjdbc reports timestamptz as TIMESTAMP: its type name tells.
                types[i - 1] = type == Types.TIMESTAMP && (typeName.contains("tz") || typeName.contains("time zone"))
                        ? Types.TIMESTAMP_WITH_TIMEZONE : type;
            }
            return new Columns(List.copyOf(names), positions, types);
        }
    }

    private final Columns columns;
    private final Object[] values;
    private final ValueCodec codec;

    private PortableRow(Columns columns, Object[] values, ValueCodec codec) {
        this.columns = columns;
        this.values = values;
        this.codec = codec;
    }

    /** Reads the row the result set is on: dates and times as {@code java.time}, the rest as the driver gives. */
    static PortableRow read(ResultSet rs, Columns columns, ValueCodec codec) throws SQLException {
        Object[] values = new Object[columns.jdbcTypes().length];
        for (int i = 0; i < values.length; i++) {
            int c = i + 1;
            values[i] = switch (columns.jdbcTypes()[i]) {
                case Types.TIMESTAMP_WITH_TIMEZONE -> rs.getObject(c, OffsetDateTime.class);
                case Types.TIMESTAMP -> rs.getObject(c, LocalDateTime.class);
                case Types.DATE -> rs.getObject(c, LocalDate.class);
                case Types.TIME -> rs.getObject(c, LocalTime.class);
                default -> rs.getObject(c);
            };
        }
        return new PortableRow(columns, values, codec);
    }

    private int position(String column) {
        Integer p = columns.positions().get(column.toLowerCase(Locale.ROOT));
        if (p == null) {
            throw new MappingException("The query has no column '" + column + "'. Its columns: "
                    + String.join(", ", columns.names()) + ".");
        }
        return p;
    }

    private Object get(int position, ColumnType type) {
        if (position < 1 || position > values.length) {
            throw new MappingException("The query has no column " + position + ": it has " + values.length
                    + " (positions count from 1).");
        }
        Object raw = values[position - 1];
        if (raw == null) {
            return null;
        }
        try {
            return codec.convert(raw, type);
        } catch (IllegalArgumentException e) {
            throw new MappingException("Column '" + columns.names().get(position - 1) + "' holds " + e.getMessage()
                    + ". Read it with the getter of its type.", e);
        }
    }

    private Object get(String column, ColumnType type) {
        return get(position(column), type);
    }

    private static final Map<Class<?>, ColumnType> TYPES = Map.ofEntries(Map.entry(Long.class, ColumnType.LONG),
            Map.entry(Integer.class, ColumnType.INT), Map.entry(Short.class, ColumnType.SHORT),
            Map.entry(Double.class, ColumnType.DOUBLE), Map.entry(Boolean.class, ColumnType.BOOLEAN),
            Map.entry(String.class, ColumnType.STRING), Map.entry(BigDecimal.class, ColumnType.BIG_DECIMAL),
            Map.entry(byte[].class, ColumnType.BYTES), Map.entry(UUID.class, ColumnType.UUID),
            Map.entry(Instant.class, ColumnType.INSTANT), Map.entry(OffsetDateTime.class, ColumnType.OFFSET_DATE_TIME),
            Map.entry(LocalDateTime.class, ColumnType.LOCAL_DATE_TIME), Map.entry(LocalDate.class, ColumnType.LOCAL_DATE),
            Map.entry(LocalTime.class, ColumnType.LOCAL_TIME));

    private static ColumnType type(Class<?> type) {
        ColumnType t = TYPES.get(type);
        if (t == null) {
            throw new MappingException("Row.get cannot read a " + type.getName() + ". Ask for one of: Long, Integer, "
                    + "Short, Double, Boolean, String, BigDecimal, byte[], UUID, Instant, OffsetDateTime, "
                    + "LocalDateTime, LocalDate, LocalTime.");
        }
        return t;
    }

    @Override
    public <T> T get(String column, Class<T> type) {
        return get(position(column), type);
    }

    @Override
    public <T> T get(int position, Class<T> type) {
        Object value = get(position, type(type));
        return type.cast(value instanceof byte[] b ? b.clone() : value);
    }

    @Override
    public List<String> columns() {
        return columns.names();
    }

    @Override
    public boolean isNull(String column) {
        return values[position(column) - 1] == null;
    }

    @Override
    public Long getLong(String column) {
        return (Long) get(column, ColumnType.LONG);
    }

    @Override
    public Long getLong(int position) {
        return (Long) get(position, ColumnType.LONG);
    }

    @Override
    public Integer getInt(String column) {
        return (Integer) get(column, ColumnType.INT);
    }

    @Override
    public Integer getInt(int position) {
        return (Integer) get(position, ColumnType.INT);
    }

    @Override
    public Short getShort(String column) {
        return (Short) get(column, ColumnType.SHORT);
    }

    @Override
    public Double getDouble(String column) {
        return (Double) get(column, ColumnType.DOUBLE);
    }

    @Override
    public Boolean getBoolean(String column) {
        return (Boolean) get(column, ColumnType.BOOLEAN);
    }

    @Override
    public String getString(String column) {
        return (String) get(column, ColumnType.STRING);
    }

    @Override
    public String getString(int position) {
        return (String) get(position, ColumnType.STRING);
    }

    @Override
    public BigDecimal getBigDecimal(String column) {
        return (BigDecimal) get(column, ColumnType.BIG_DECIMAL);
    }

    @Override
    public byte[] getBytes(String column) {
        byte[] b = (byte[]) get(column, ColumnType.BYTES);
        return b == null ? null : b.clone();
    }

    @Override
    public UUID getUuid(String column) {
        return (UUID) get(column, ColumnType.UUID);
    }

    @Override
    public Instant getInstant(String column) {
        return (Instant) get(column, ColumnType.INSTANT);
    }

    @Override
    public OffsetDateTime getOffsetDateTime(String column) {
        return (OffsetDateTime) get(column, ColumnType.OFFSET_DATE_TIME);
    }

    @Override
    public LocalDateTime getLocalDateTime(String column) {
        return (LocalDateTime) get(column, ColumnType.LOCAL_DATE_TIME);
    }

    @Override
    public LocalDate getLocalDate(String column) {
        return (LocalDate) get(column, ColumnType.LOCAL_DATE);
    }

    @Override
    public LocalTime getLocalTime(String column) {
        return (LocalTime) get(column, ColumnType.LOCAL_TIME);
    }

    @Override
    public String toString() {
        return "Row" + columns.names() + " (" + values.length + " values" + (Arrays.asList(values).contains(null)
                ? ", some null)" : ")");
    }
}
