package io.dataport.internal.entity;

import io.dataport.spi.ColumnType;
import io.dataport.spi.ValueCodec;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One value bound by the codec's codec for its portable type: what the repository binds. */
final class ValueArgument implements Argument {
    private final ValueCodec codec;
    private final ColumnType type;
    private final Object value;

    ValueArgument(ValueCodec codec, ColumnType type, Object value) {
        this.codec = codec;
        this.type = type;
        this.value = value;
    }

    @Override
    public void apply(int position, PreparedStatement statement, StatementContext ctx) throws SQLException {
        if (value == null) {
            codec.bindNull(statement, position, type);
        } else {
            codec.bind(statement, position, type, value);
        }
    }

    /** Shown only when the database was opened with showParameterValues. */
    @Override
    public String toString() {
        return value instanceof byte[] ? "byte[" + ((byte[]) value).length + "]" : String.valueOf(value);
    }
}
