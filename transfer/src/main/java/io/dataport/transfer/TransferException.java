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

    /** The source table of the failure, or {@code null}; part of the serialized form. */
    private final String table;
    /** The offending row's primary key or position, or {@code null}; part of the serialized form. */
    private final String rowKey;
    /** The source column of the value that does not fit, or {@code null}; part of the serialized form. */
    private final String column;
    /** The value that does not fit, or {@code null}; transient, so not part of the serialized form. */
    private final transient Object offendingValue;

    /**
     * Creates the exception for a failure not tied to a table or value.
     *
     * @param message what failed and how to go on
     */
    public TransferException(String message) {
        this(message, null, null, null, null, null);
    }

    /**
     * Creates the exception for a failure not tied to a table or value, with the exception that caused it.
     *
     * @param message what failed and how to go on
     * @param cause   the underlying exception, usually the driver's
     */
    public TransferException(String message, Throwable cause) {
        this(message, cause, null, null, null, null);
    }

    /**
     * Creates the exception for a failure in a table, at a row and column when a value does not fit.
     *
     * @param message        what failed and how to go on; never the value itself
     * @param cause          the underlying exception, or {@code null}
     * @param table          the source table, or {@code null}
     * @param rowKey         the offending row's primary key ({@code TrackId=5}) or position, or {@code null}
     * @param column         the source column of the value that does not fit, or {@code null}
     * @param offendingValue the value that does not fit, or {@code null}
     */
    public TransferException(String message, Throwable cause, String table, String rowKey, String column,
                             Object offendingValue) {
        super(message, cause);
        this.table = table;
        this.rowKey = rowKey;
        this.column = column;
        this.offendingValue = offendingValue;
    }

    /**
     * The source table of the failure, or {@code null} when it is not about one table.
     *
     * @return the table, or {@code null}
     */
    public String table() {
        return table;
    }

    /**
     * The primary key of the offending row ({@code TrackId=5}), or its position without a key; may be null.
     *
     * @return the row key, or {@code null}
     */
    public String rowKey() {
        return rowKey;
    }

    /**
     * The source column holding a value that does not fit, or {@code null}.
     *
     * @return the column, or {@code null}
     */
    public String column() {
        return column;
    }

    /**
     * The source value that does not fit its target column, as the source driver returned it; {@code null} when
     * the failure is not about a value. Never part of the message.
     *
     * @return the value, or {@code null}
     */
    public Object offendingValue() {
        return offendingValue;
    }
}
