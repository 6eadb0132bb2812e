package io.dataport.transfer;

import io.dataport.DataportException;

/**
 * A transfer that stopped: a source value that does not fit its target column, a target table that already has
 * rows, or a table whose copy did not verify. The target keeps every table finished before the failure and none
 * of the failed one; running the same transfer again finishes it.
 *
 * <p>For a value that does not fit, {@link #table()}, {@link #rowKey()} and {@link #column()} say where it is,
 * and {@link #offendingValue()} holds the value itself. The message names the place and the problem but never
 * shows the value, since values may be personal data; a reject report
 * ({@link Transfer#rejectsTo(java.nio.file.Path)}) writes them out.
 */
public class TransferException extends DataportException {
    private static final long serialVersionUID = 1L;

    private final String table;
    private final String rowKey;
    private final String column;
    private final transient Object offendingValue;

    public TransferException(String message) {
        this(message, null, null, null, null, null);
    }

    public TransferException(String message, Throwable cause) {
        this(message, cause, null, null, null, null);
    }

    public TransferException(String message, Throwable cause, String table, String rowKey, String column,
                             Object offendingValue) {
        super(message, cause);
        this.table = table;
        this.rowKey = rowKey;
        this.column = column;
        this.offendingValue = offendingValue;
    }

    /** The source table of the failure, or {@code null} when it is not about one table. */
    public String table() {
        return table;
    }

    /** The primary key of the offending row ({@code TrackId=5}), or its position without a key; may be null. */
    public String rowKey() {
        return rowKey;
    }

    /** The source column holding a value that does not fit, or {@code null}. */
    public String column() {
        return column;
    }

    /**
     * The source value that does not fit its target column, as the source driver returned it; {@code null} when
     * the failure is not about a value. Never part of the message.
     */
    public Object offendingValue() {
        return offendingValue;
    }
}
