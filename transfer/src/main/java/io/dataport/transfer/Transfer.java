package io.dataport.transfer;

import io.dataport.ConfigurationException;
import io.dataport.Database;
import io.dataport.transfer.internal.TransferRunner;

import java.nio.file.Path;
import java.util.Objects;

/**
 * A move of a whole database to another one, SQLite to PostgreSQL or back: reads the source schema, writes it
 * in the target's dialect with the documented type mapping, copies every table (PostgreSQL {@code COPY} when the
 * target is PostgreSQL), continues identity sequences after the highest copied id, and verifies each table by
 * row count and content checksum before committing it.
 *
 * <pre>{@code
 * TransferReport report = Transfer.from("sqlite:app.db")
 *         .to("postgresql://app:secret@db:5432/app")
 *         .foldIdentifiers(true)
 *         .run(TransferListener.console());
 * }</pre>
 *
 * <p>Safety: nothing is written when a target table already has rows, unless {@link #mode(TransferMode)} says
 * to replace or append. Each table is loaded in its own transaction; until the whole transfer is done the target
 * holds a table {@code dataport_transfer_state} marking it incomplete, and running the same transfer again
 * finishes it. A value that does not fit its target column (text in an INTEGER column, which SQLite allows)
 * stops the transfer with a {@link TransferException} naming table, row key and column, or, with
 * {@link #rejectsTo(Path)}, goes to a reject report; no value is changed silently.
 *
 * <p>A builder: not thread-safe. Databases passed in stay open; databases opened from URLs are closed at the end
 * of {@link #run}.
 */
public final class Transfer {
    private final String sourceUrl;
    private final Database sourceDb;
    private String targetUrl;
    private Database targetDb;
    private TransferMode mode = TransferMode.CREATE;
    private Path rejects;
    private boolean foldIdentifiers;
    private int batchSize = 10_000;

    private Transfer(String sourceUrl, Database sourceDb) {
        this.sourceUrl = sourceUrl;
        this.sourceDb = sourceDb;
    }

    /**
     * Starts a transfer from the database a URL names; it is opened read-only.
     *
     * @param url the source database URL, as for {@link Database#open(String)}
     * @return the transfer, to be given a target
     */
    public static Transfer from(String url) {
        return new Transfer(Objects.requireNonNull(url, "url"), null);
    }

    /**
     * Starts a transfer from an open database.
     *
     * @param source the source database; it stays open
     * @return the transfer, to be given a target
     */
    public static Transfer from(Database source) {
        return new Transfer(null, Objects.requireNonNull(source, "source"));
    }

    /**
     * The database to copy into, by URL (a SQLite file is created when missing).
     *
     * @param url the target database URL, as for {@link Database#open(String)}
     * @return this transfer
     */
    public Transfer to(String url) {
        this.targetUrl = Objects.requireNonNull(url, "url");
        this.targetDb = null;
        return this;
    }

    /**
     * The database to copy into.
     *
     * @param target the target database; it stays open
     * @return this transfer
     */
    public Transfer to(Database target) {
        this.targetDb = Objects.requireNonNull(target, "target");
        this.targetUrl = null;
        return this;
    }

    /**
     * What to do with target tables that exist already. Default: {@link TransferMode#CREATE}.
     *
     * @param mode what to do with existing tables
     * @return this transfer
     */
    public Transfer mode(TransferMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * Writes rows whose values do not fit their target column to this tab-separated file (with the values) and
     * copies the other rows, instead of stopping. The file is overwritten.
     *
     * @param file the reject report's path
     * @return this transfer
     */
    public Transfer rejectsTo(Path file) {
        this.rejects = Objects.requireNonNull(file, "file");
        return this;
    }

    /**
     * Whether target table, column and index names are folded to lower case. Off by default: names keep their
     * case and are quoted ({@code "Album"}). On: {@code album}, so that unquoted SQL written for SQLite
     * ({@code select Title from Album}) runs unchanged on PostgreSQL, which folds unquoted names to lower case.
     *
     * @param fold whether to fold names to lower case
     * @return this transfer
     */
    public Transfer foldIdentifiers(boolean fold) {
        this.foldIdentifiers = fold;
        return this;
    }

    /**
     * Rows per batch (and per progress report). Default: 10,000.
     *
     * @param rows the number of rows, 1 or more
     * @return this transfer
     * @throws ConfigurationException when {@code rows} is less than 1
     */
    public Transfer batchSize(int rows) {
        if (rows < 1) {
            throw new ConfigurationException("batchSize must be at least 1: " + rows + ". Pass a number of rows.");
        }
        this.batchSize = rows;
        return this;
    }

    /**
     * Runs the transfer quietly.
     *
     * @return the report, as {@link #run(TransferListener)} returns it
     * @throws TransferException as for {@link #run(TransferListener)}
     */
    public TransferReport run() {
        return run(TransferListener.none());
    }

    /**
     * Runs the transfer, reporting progress to {@code listener}.
     *
     * @param listener told about the progress
     * @return the report of every table, each verified
     * @throws TransferException when a value does not fit, a target table has rows, or a table does not verify
     * @throws ConfigurationException when no target was given, or the target is the source
     * @throws io.dataport.DataportException when a database fails
     */
    public TransferReport run(TransferListener listener) {
        Objects.requireNonNull(listener, "listener");
        if (targetUrl == null && targetDb == null) {
            throw new ConfigurationException("Transfer has no target. Call to(url) or to(database) before run().");
        }
        if (sourceDb != null && sourceDb == targetDb || sourceUrl != null && sourceUrl.equals(targetUrl)) {
            throw new ConfigurationException("Transfer source and target are the same database. Pass another target.");
        }
        Database source = sourceDb != null ? sourceDb : Database.builder(sourceUrl).readOnly(true).open();
        try {
            Database target = targetDb != null ? targetDb : Database.open(targetUrl);
            try {
                return new TransferRunner(source, target, mode, rejects, foldIdentifiers, batchSize, listener).run();
            } finally {
                if (targetDb == null) {
                    target.close();
                }
            }
        } finally {
            if (sourceDb == null) {
                source.close();
            }
        }
    }
}
