package io.dataport.internal.statement;

import io.dataport.spi.ColumnType;
import io.dataport.spi.ValueCodec;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A prepared statement being bound by {@link StatementRunner}: values go in through the backend's
 * {@link ValueCodec}, and are remembered for the error message only when the database shows parameter values.
 * Executed through it, it counts the rows affected or read and the batch size, for the SQL log.
 */
public final class BoundStatement {
    /** Values shown at most in a message (a batch binds many rows). */
    private static final int MAX_SHOWN = 100;
    private final PreparedStatement statement;
    private final ValueCodec codec;
    private final List<Object> shown;
    private long rows = -1;
    private int batched;

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

    /** Executes a query; read its rows with {@link #next}, so that they are counted. */
    public ResultSet executeQuery() throws SQLException {
        rows = 0;
        return statement.executeQuery();
    }

    /** Moves to the next row of a result of this statement, counting it. */
    public boolean next(ResultSet rs) throws SQLException {
        boolean more = rs.next();
        if (more) {
            rows++;
        }
        return more;
    }

    /** Executes an insert, update or delete; returns the rows affected. */
    public int executeUpdate() throws SQLException {
        int n = statement.executeUpdate();
        rows = n;
        return n;
    }

    /** Executes any statement (DDL); no rows are counted. */
    public boolean execute() throws SQLException {
        return statement.execute();
    }

    /** Adds the values bound so far as one row of a batch. */
    public void addBatch() throws SQLException {
        statement.addBatch();
        batched++;
    }

    /** Executes the batch; returns the driver's counts. */
    public int[] executeBatch() throws SQLException {
        int[] counts = statement.executeBatch();
        long sum = 0;
        for (int c : counts) {
            sum += Math.max(c, 0);
        }
        rows = sum;
        return counts;
    }

    /** The rows affected or read, or -1 when not counted. */
    long rows() {
        return rows;
    }

    /** The rows of the batch executed, or 0 when it was no batch. */
    int batched() {
        return batched;
    }

    /** The JDBC statement, to read generated keys and results. */
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
