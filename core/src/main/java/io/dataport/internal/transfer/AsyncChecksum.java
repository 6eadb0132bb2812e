package io.dataport.internal.transfer;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link Checksum} computed on a thread of its own, so that hashing overlaps reading and converting rows
 * (which is where a transfer spends its own time). Rows go in batches of 2,000, at most 8 batches in flight.
 * One thread adds; {@link #finish} waits for the sum.
 */
final class AsyncChecksum implements AutoCloseable {
    private static final int BATCH = 2_000;
    private static final Object[][] END = new Object[0][];

    private final Checksum checksum = new Checksum();
    private final ArrayBlockingQueue<Object[][]> queue = new ArrayBlockingQueue<>(8);
    private final Thread worker;
    private volatile RuntimeException failure;
    private Object[][] batch = new Object[BATCH * 2][];
    private int size;

    AsyncChecksum() {
        worker = new Thread(this::drain, "dataport-transfer-checksum");
        worker.setDaemon(true);
        worker.start();
    }

    private void drain() {
        try {
            while (true) {
                Object[][] rows = queue.take();
                if (rows == END) {
                    return;
                }
                for (int i = 0; i < rows.length && rows[i] != null; i += 2) {
                    checksum.add(rows[i], (String[]) rows[i + 1]);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failure = e;
            queue.clear();
        }
    }

    /** Adds a row; the arrays are copied, so the caller may reuse them. */
    void add(Object[] values, String[] texts) {
        batch[size++] = values.clone();
        batch[size++] = texts.clone();
        if (size == batch.length) {
            put(batch);
            batch = new Object[BATCH * 2][];
            size = 0;
        }
    }

    private void put(Object[][] rows) {
        try {
            while (!queue.offer(rows, 100, TimeUnit.MILLISECONDS)) {
                if (failure != null) {
                    throw failure;
                }
                if (!worker.isAlive()) {
                    throw new IllegalStateException("The checksum thread stopped.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing a checksum", e);
        }
    }

    /** Waits for every row added so far to be hashed and returns the checksum. */
    Checksum finish() {
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
        if (failure != null) {
            throw failure;
        }
        return checksum;
    }

    /** Stops the thread after a failure elsewhere. */
    @Override
    public void close() {
        if (worker.isAlive()) {
            worker.interrupt();
        }
    }
}
