package io.dataport.examples;

import io.dataport.DataportException;
import io.dataport.transfer.Transfer;
import io.dataport.transfer.TransferException;
import io.dataport.transfer.TransferListener;
import io.dataport.transfer.TransferMode;
import io.dataport.transfer.TransferReport;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The command-line transfer: moves a whole database from one URL to another (SQLite to PostgreSQL or back),
 * verifies every table, and prints a per-table summary. Progress shows on a terminal.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -Ptransfer package \
 *     -Dexec.args="--from sqlite:app.db --to postgresql://postgres@localhost:5432/app --fold-identifiers"
 * }</pre>
 */
public final class TransferTool {
    static final String USAGE = "Usage: transfer --from URL --to URL [--replace | --append] [--reject-file FILE]"
            + " [--fold-identifiers] [--batch-size ROWS]";
    /** The library's messages name its Java API; this says which options of the tool those calls are. */
    static final String API_AS_OPTIONS = "In this tool, mode(TransferMode.REPLACE) is --replace,"
            + " mode(TransferMode.APPEND) is --append and rejectsTo(file) is --reject-file FILE.";

    private TransferTool() {
    }

    public static void main(String[] args) {
        // The pool's start and stop lines would interleave with the progress display.
        System.setProperty("org.slf4j.simpleLogger.log.com.zaxxer.hikari", "warn");
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the tool and returns its exit status: 0 done and verified, 1 transfer failed, 2 bad arguments. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String from = null;
        String to = null;
        TransferMode mode = TransferMode.CREATE;
        Path rejects = null;
        boolean fold = false;
        int batch = 10_000;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--from":
                        from = value(args, ++i, "--from");
                        break;
                    case "--to":
                        to = value(args, ++i, "--to");
                        break;
                    case "--replace":
                        mode = TransferMode.REPLACE;
                        break;
                    case "--append":
                        mode = TransferMode.APPEND;
                        break;
                    case "--reject-file":
                        rejects = Path.of(value(args, ++i, "--reject-file"));
                        break;
                    case "--fold-identifiers":
                        fold = true;
                        break;
                    case "--batch-size":
                        batch = Integer.parseInt(value(args, ++i, "--batch-size"));
                        break;
                    case "--help":
                    case "-h":
                        out.println(USAGE);
                        return 0;
                    default:
                        throw new IllegalArgumentException("Unknown option: " + args[i] + ".");
                }
            }
            if (from == null || to == null) {
                throw new IllegalArgumentException("Both --from and --to are required.");
            }
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        try {
            Transfer transfer = Transfer.from(from).to(to).mode(mode).foldIdentifiers(fold).batchSize(batch);
            if (rejects != null) {
                transfer.rejectsTo(rejects);
            }
            TransferReport report = transfer.run(TransferListener.console());
            print(report, out);
            if (report.rejectedRows() > 0) {
                out.printf(Locale.ROOT, "%,d rows rejected: see %s%n", report.rejectedRows(), rejects);
            }
            return 0;
        } catch (DataportException e) {
            err.println("Transfer failed: " + e.getMessage());
            if (e instanceof TransferException) {
                err.println(API_AS_OPTIONS);
            }
            return 1;
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length || args[i].startsWith("--")) {
            throw new IllegalArgumentException(option + " needs a value.");
        }
        return args[i];
    }

    static void print(TransferReport report, PrintStream out) {
        out.printf(Locale.ROOT, "%-24s %12s %12s %9s  %-32s %s%n", "table", "source rows", "target rows", "rejected",
                "checksum", "verified");
        for (TransferReport.Table t : report.tables()) {
            out.printf(Locale.ROOT, "%-24s %,12d %,12d %,9d  %-32s %s%n", t.source(), t.sourceRows(), t.targetRows(),
                    t.rejectedRows(), t.targetChecksum(), t.targetChecksum().equals(t.sourceChecksum())
                            ? (t.resumed() ? "yes (earlier run)" : "yes") : "NO");
        }
        out.printf(Locale.ROOT, "%,d rows in %.2f s (%,.0f rows/s)%n", report.rowsCopied(),
                report.elapsed().toNanos() / 1e9, report.rowsPerSecond());
    }
}
