package io.dataport.transfer.internal;

import java.sql.SQLException;

/**
 * A {@link Checksum} computed on a thread of its own, which, when given a {@link RowSink}, also hands each row on
 * to it: the reading thread only reads and converts, the hashing and sending overlap it (see {@link Handoff}).
 * One thread adds; {@link #finish} waits for the sum.
 */
final class AsyncChecksum implements AutoCloseable {
    private final Checksum checksum = new Checksum();
    private final RowSink sink;
    private final Handoff<Object[]> rows;

    /** Hashes rows only. */
    AsyncChecksum() {
        this(null);
    }

    /** Hashes rows and passes them on to {@code sink}, if not null. */
    AsyncChecksum(RowSink sink) {
        this.sink = sink;
        this.rows = new Handoff<>("dataport-transfer-checksum", this::hash);
    }

    private void hash(Object[] values) throws SQLException {
        checksum.add(values);
        if (sink != null) {
            sink.add(values);
        }
    }

    /** Adds a row of canonical values; the array is copied (the sink may keep the copy), so the caller may reuse it. */
    void add(Object[] values) throws SQLException {
        rows.add(values.clone());
    }

    /** Waits for every row added so far to be hashed (and passed on) and returns the checksum. */
    Checksum finish() throws SQLException {
        rows.finish();
        return checksum;
    }

    /** Stops the thread after a failure elsewhere, and waits for it so that nobody uses the sink any more. */
    @Override
    public void close() {
        rows.close();
    }
}
