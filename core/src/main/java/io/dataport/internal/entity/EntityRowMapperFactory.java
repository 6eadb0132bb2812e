package io.dataport.internal.entity;

import io.dataport.MappingException;
import io.dataport.spi.ValueCodec;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.RowMapperFactory;
import org.jdbi.v3.core.statement.StatementContext;

import java.lang.reflect.Type;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Maps rows to entities (classes annotated {@code @Table} or with an {@code @Id}) in the application's own
 * Jdbi queries and SqlObjects, matching result columns to properties by name, case-insensitively, and reading
 * each with the backend's codec.
 */
public final class EntityRowMapperFactory implements RowMapperFactory {
    private final ValueCodec codec;

    public EntityRowMapperFactory(ValueCodec codec) {
        this.codec = codec;
    }

    @Override
    public Optional<RowMapper<?>> build(Type type, ConfigRegistry config) {
        if (!(type instanceof Class) || !EntityInfo.isEntity((Class<?>) type)) {
            return Optional.empty();
        }
        return Optional.of(new ByName<>(EntityInfo.of((Class<?>) type), codec, null));
    }

    /** Maps by column name; specialised once per result set to column positions. */
    private static final class ByName<T> implements RowMapper<T> {
        private final EntityInfo<T> info;
        private final ValueCodec codec;
        private final int[] columns;

        ByName(EntityInfo<T> info, ValueCodec codec, int[] columns) {
            this.info = info;
            this.codec = codec;
            this.columns = columns;
        }

        @Override
        public RowMapper<T> specialize(ResultSet rs, StatementContext ctx) throws SQLException {
            return new ByName<>(info, codec, positions(rs));
        }

        @Override
        public T map(ResultSet rs, StatementContext ctx) throws SQLException {
            return info.read(rs, codec, columns != null ? columns : positions(rs));
        }

        private int[] positions(ResultSet rs) throws SQLException {
            ResultSetMetaData meta = rs.getMetaData();
            List<PropertyInfo> properties = info.properties;
            int[] positions = new int[properties.size()];
            for (int c = 1; c <= meta.getColumnCount(); c++) {
                PropertyInfo p = info.propertyForColumn(meta.getColumnLabel(c));
                if (p != null && positions[properties.indexOf(p)] == 0) {
                    positions[properties.indexOf(p)] = c;
                }
            }
            if (info.isRecord()) {
                for (int i = 0; i < positions.length; i++) {
                    if (positions[i] == 0) {
                        PropertyInfo p = properties.get(i);
                        throw new MappingException("Entity " + info.type.getName() + " property '" + p.name
                                + "' has no column in the query result: " + p.column + ". Select the column (or "
                                + "alias one to it), or mark the property @Transient.");
                    }
                }
            }
            return positions;
        }
    }
}
