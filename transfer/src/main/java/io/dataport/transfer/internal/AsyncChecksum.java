package io.dataport.transfer.internal;

import java.sql.SQLException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Checksum} computed on a thread of its own, which also writes each row's canonical text and, when
 * given a {@link RowSink}, hands the row on to it: the reading thread only reads and converts, the formatting,
 * hashing and sending overlap it. Rows go in batches of 2,000, at most 8 batches in flight. One thread adds;
 * {@link #finish} waits for the sum.
 */
final class AsyncChecksum implements AutoCloseable {
    private static final int BATCH = 2_000;
    private static final Object[][] END = new Object[0][];

    private final Checksum checksum = new Checksum();
    private final RowSink sink;
    private final boolean formatDoubles;
    private final ArrayBlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(8);
    private final Thread worker;
    private volatile Exception failure;
    private Object[][] batch = new Object[BATCH][];
    private int size;

    /** Hashes rows only. */
    AsyncChecksum() {
        this(null, false);
    }

    /**
     * Hashes rows and passes them on to {@code sink} (if not null); {@code formatDoubles} when the sink needs the
     * text of doubles too (the hash does not).
     */
    AsyncChecksum(RowSink sink, boolean formatDoubles) {
        this.sink = sink;
        this.formatDoubles = formatDoubles;
        worker = new Thread(this::drain, "dataport-transfer-checksum");
        worker.setDaemon(true);
        worker.start();
    }

    private void drain() {
        try {
            String[] texts = null;
            while (true) {
                Object[][] rows = queue.take();
                if (rows == END) {
                    return;
                }
                for (int i = 0; i < rows.length && rows[i] != null; i++) {
                    Object[] values = rows[i];
                    if (texts == null || texts.length != values.length) {
                        texts = new String[values.length];
                    }
                    for (int k = 0; k < values.length; k++) {
                        Object v = values[k];
                        texts[k] = v == null || v instanceof Double && !formatDoubles ? null : ValueCodec.canonical(v);
                    }
                    checksum.add(values, texts);
                    if (sink != null) {
                        sink.add(values, texts);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
            queue.clear();
        }
    }

    /** Adds a row of canonical values; the array is copied, so the caller may reuse it. */
    void add(Object[] values) throws SQLException {
        batch[size++] = values.clone();
        if (size == batch.length) {
            put(batch);
            batch = new Object[BATCH][];
            size = 0;
        }
    }

    private void put(Object[][] rows) throws SQLException {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                checkFailure();
                if (!worker.isAlive()) {
                    throw new IllegalStateException("The checksum thread stopped.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing a checksum", e);
        }
        checkFailure();
    }

    private void checkFailure() throws SQLException {
        Exception e = failure;
        if (e instanceof SQLException) {
            throw (SQLException) e;
        }
        if (e instanceof RuntimeException) {
            throw (RuntimeException) e;
        }
        if (e != null) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for every row added so far to be hashed (and passed on) and returns the checksum. */
    Checksum finish() throws SQLException {
        if (size > 0) {
            put(batch);
            size = 0;
        }
        put(END);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing a checksum", e);
        }
        checkFailure();
        return checksum;
    }

    /** Stops the thread after a failure elsewhere, and waits for it so that nobody uses the sink any more. */
    @Override
    public void close() {
        if (worker.isAlive()) {
            worker.interrupt();
            try {
                worker.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
