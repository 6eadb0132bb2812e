package io.dataport.transfer;

import java.time.Duration;
import java.util.List;

/**
 * The outcome of a {@link Transfer}: for each table, rows and content checksums on both sides. A returned report
 * is always verified (a table whose counts or checksums differ stops the transfer instead).
 *
 * @param tables   one entry per table, in copy order
 * @param elapsed  the wall time of the whole run
 * @param rejectedRows rows written to the reject report instead of the target
 */
public record TransferReport(List<Table> tables, Duration elapsed, long rejectedRows) {

    /**
     * Creates a report; it keeps an immutable copy of the tables.
     *
     * @param tables       one entry per table, in copy order
     * @param elapsed      the wall time of the whole run
     * @param rejectedRows rows written to the reject report instead of the target
     */
    public TransferReport {
        tables = List.copyOf(tables);
    }

    /**
     * Rows copied in this run (tables finished by an earlier run not counted).
     *
     * @return the number of rows
     */
    public long rowsCopied() {
        return tables.stream().filter(t -> !t.resumed()).mapToLong(Table::copiedRows).sum();
    }

    /**
     * Rows copied per second of the whole run.
     *
     * @return the rate, 0 for a run that took no time
     */
    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? 0 : rowsCopied() / seconds;
    }

    /**
     * The entry for a source table, by its exact name.
     *
     * @param sourceName the source table's name
     * @return the table's entry
     * @throws IllegalArgumentException when the transfer has no such table
     */
    public Table table(String sourceName) {
        return tables.stream().filter(t -> t.source().equals(sourceName)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No table " + sourceName + " in this transfer."));
    }

    /**
     * One table's transfer.
     *
     * @param source         the source table name
     * @param target         the target table name (folded when identifiers are folded)
     * @param sourceRows     rows read from the source
     * @param copiedRows     rows written to the target (source rows minus rejected rows)
     * @param rejectedRows   rows sent to the reject report
     * @param targetRows     rows the target table holds after the copy (more than copied when appending)
     * @param sourceChecksum content checksum of the copied source rows
     * @param targetChecksum content checksum of the same rows read back from the target
     * @param resumed        whether an earlier, interrupted run had already finished this table
     * @param elapsed        time spent on this table in this run
     */
    public record Table(String source, String target, long sourceRows, long copiedRows, long rejectedRows,
                        long targetRows, String sourceChecksum, String targetChecksum, boolean resumed,
                        Duration elapsed) {
    }
}
