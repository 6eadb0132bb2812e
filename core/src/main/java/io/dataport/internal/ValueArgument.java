package io.dataport.internal;

import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** One value bound by the dialect's codec for its portable type: what the repository binds. */
final class ValueArgument implements Argument {
    private final Dialect dialect;
    private final ColumnType type;
    private final Object value;

    ValueArgument(Dialect dialect, ColumnType type, Object value) {
        this.dialect = dialect;
        this.type = type;
        this.value = value;
    }

    @Override
    public void apply(int position, PreparedStatement statement, StatementContext ctx) throws SQLException {
        if (value == null) {
            dialect.bindNull(statement, position, type);
        } else {
            dialect.bind(statement, position, type, value);
        }
    }

    /** Shown only when the database was opened with showParameterValues. */
    @Override
    public String toString() {
        return value instanceof byte[] ? "byte[" + ((byte[]) value).length + "]" : String.valueOf(value);
    }
}
