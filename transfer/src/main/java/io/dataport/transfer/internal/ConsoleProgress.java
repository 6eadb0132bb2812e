package io.dataport.transfer.internal;

import io.dataport.transfer.TransferListener;
import io.dataport.transfer.TransferReport;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * Progress on a terminal: one line per table, rewritten in place with rows, rows/s and the ETA of the whole
 * transfer, at most five times a second.
 */
public final class ConsoleProgress implements TransferListener {
    private final PrintWriter out;
    private long startNanos;
    private long lastPrint;
    private int index;
    private int count;

    public ConsoleProgress(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void started(List<String> tables, long totalRows) {
        startNanos = System.nanoTime();
        out.printf(Locale.ROOT, "Transferring %d tables, %,d rows%n", tables.size(), totalRows);
        out.flush();
    }

    @Override
    public void tableStarted(String table, int index, int tableCount, long rows) {
        this.index = index;
        this.count = tableCount;
    }

    @Override
    public void rowsCopied(String table, long tableRowsDone, long tableRows, long totalRowsDone, long totalRows) {
        long now = System.nanoTime();
        if (now - lastPrint < 200_000_000L) {
            return;
        }
        lastPrint = now;
        double seconds = Math.max(1e-3, (now - startNanos) / 1e9);
        double rate = totalRowsDone / seconds;
        long eta = rate <= 0 ? 0 : Math.round((totalRows - totalRowsDone) / rate);
        out.printf(Locale.ROOT, "\r[%d/%d] %-24s %,12d/%,d rows  %,10.0f rows/s  ETA %d:%02d   ", index + 1, count,
                table, tableRowsDone, tableRows, rate, eta / 60, eta % 60);
        out.flush();
    }

    @Override
    public void tableFinished(TransferReport.Table t) {
        out.printf(Locale.ROOT, "\r[%d/%d] %-24s %,12d rows  %s%s%n", index + 1, count, t.source(), t.copiedRows(),
                t.resumed() ? "done in an earlier run" : "verified, checksum " + t.targetChecksum(),
                t.rejectedRows() > 0 ? ", " + t.rejectedRows() + " rejected" : "");
        out.flush();
    }

    @Override
    public void finished(TransferReport report) {
        out.printf(Locale.ROOT, "Done: %,d rows in %.1f s (%,.0f rows/s)%n", report.rowsCopied(),
                report.elapsed().toNanos() / 1e9, report.rowsPerSecond());
        out.flush();
    }
}
