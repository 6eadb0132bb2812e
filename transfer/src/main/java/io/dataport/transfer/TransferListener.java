package io.dataport.transfer;

import io.dataport.transfer.internal.ConsoleProgress;

import java.util.List;

/**
 * What a {@link Transfer} reports while it runs: every method has an empty default, so a listener overrides only
 * what it needs. Called on the thread running the transfer; an exception thrown from a callback stops the
 * transfer like any other failure (the table in progress is rolled back).
 *
 * <pre>{@code Transfer.from(src).to(dst).run(TransferListener.console());}</pre>
 */
public interface TransferListener {

    /**
     * Called once the source schema is read, with the source tables in copy order and their total row count.
     *
     * @param tables    the source tables, in copy order
     * @param totalRows the rows of every table in the source
     */
    default void started(List<String> tables, long totalRows) {
    }

    /**
     * Called when a table starts copying, with its row count in the source.
     *
     * @param table      the source table
     * @param index      its position in copy order, from 0
     * @param tableCount how many tables the transfer copies
     * @param rows       the table's rows in the source
     */
    default void tableStarted(String table, int index, int tableCount, long rows) {
    }

    /**
     * Called after each batch of rows: rows of this table so far, and rows of the whole transfer so far.
     *
     * @param table         the source table
     * @param tableRowsDone rows of this table read so far
     * @param tableRows     the table's rows in the source
     * @param totalRowsDone rows of the whole transfer read so far
     * @param totalRows     the rows of every table in the source
     */
    default void rowsCopied(String table, long tableRowsDone, long tableRows, long totalRowsDone, long totalRows) {
    }

    /**
     * Called when a table is loaded, verified and committed (or was already, in an earlier run).
     *
     * @param result the table's outcome
     */
    default void tableFinished(TransferReport.Table result) {
    }

    /**
     * Called once at the end of a successful transfer.
     *
     * @param report the transfer's outcome
     */
    default void finished(TransferReport report) {
    }

    /**
     * A listener that does nothing.
     *
     * @return the listener
     */
    static TransferListener none() {
        return new TransferListener() {
        };
    }

    /**
     * A listener that shows tables, rows, rows/s and ETA on the terminal when there is one
     * ({@link System#console()} is not null), and nothing otherwise.
     *
     * @return the listener
     */
    static TransferListener console() {
        return System.console() == null ? none() : new ConsoleProgress(System.console().writer());
    }
}
