package io.dataport.internal.statement;

import io.dataport.spi.ColumnType;
import io.dataport.spi.ValueCodec;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepared statement being bound by {@link StatementRunner}: values go in through the backend's
 * {@link ValueCodec}, and are remembered for the error message only when the database shows parameter values.
 */
public final class BoundStatement {
    /** Values shown at most in a message (a batch binds many rows). */
    private static final int MAX_SHOWN = 100;
    private final PreparedStatement statement;
    private final ValueCodec codec;
    private final List<Object> shown;

    BoundStatement(PreparedStatement statement, ValueCodec codec, boolean showParameterValues) {
        this.statement = statement;
        this.codec = codec;
        this.shown = showParameterValues ? new ArrayList<>() : null;
    }

    /** Binds a value (null: SQL NULL) of a portable type at a 1-based index. */
    public void bind(int index, ColumnType type, Object value) throws SQLException {
        if (shown != null && shown.size() < MAX_SHOWN) {
            shown.add(value instanceof byte[] ? "byte[" + ((byte[]) value).length + "]" : value);
        }
        if (value == null) {
            codec.bindNull(statement, index, type);
        } else {
            codec.bind(statement, index, type, value);
        }
    }

    /** The JDBC statement, to execute and to read results. */
    public PreparedStatement jdbc() {
        return statement;
    }

    /** The codec the values are bound with, to read results the same way. */
    public ValueCodec codec() {
        return codec;
    }

    /** The bound values for a message, or null when they are not shown. */
    String shownValues() {
        return shown == null ? null : shown.toString();
    }
}
