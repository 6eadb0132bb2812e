package io.dataport.transfer.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Items handed from the calling thread to a thread of its own, which passes each one, in order, to a consumer.
 * Why: a transfer reads and converts rows on one thread while another hashes them and a third escapes them into
 * {@code COPY}, so that both cores work. Items travel in batches of 2,000, at most 8 batches in flight, so the
 * reader waits when the worker falls behind instead of filling the heap.
 *
 * <p>One thread adds and finishes; the consumer runs on the worker only. A consumer failure reaches the caller
 * at its next {@link #add} or at {@link #finish}; {@link #close} stops the worker after a failure elsewhere.
 */
final class Handoff<T> implements AutoCloseable {
    private static final int BATCH = 2_000;
    private static final int IN_FLIGHT = 8;

    /** What the worker does with each item. */
    interface Consumer<T> {
        void accept(T item) throws SQLException;
    }

    private final String name;
    private final Consumer<T> consumer;
    private final List<T> end = new ArrayList<>(0);
    private final ArrayBlockingQueue<List<T>> queue = new ArrayBlockingQueue<>(IN_FLIGHT);
    private final Thread worker;
    private volatile Throwable failure;
    private List<T> batch = new ArrayList<>(BATCH);

    /** Starts the worker thread, a daemon called {@code name}. */
    Handoff(String name, Consumer<T> consumer) {
        this.name = name;
        this.consumer = consumer;
        this.worker = new Thread(this::drain, name);
        worker.setDaemon(true);
        worker.start();
    }

    private void drain() {
        try {
            while (true) {
                List<T> items = queue.take();
                if (items == end) {
                    return;
                }
                for (T item : items) {
                    consumer.accept(item);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException | RuntimeException | Error e) {
            failure = e;
            queue.clear();   // unblocks a caller waiting to put, which then sees the failure
        }
    }

    /** Hands one item to the worker (in the current batch); the caller must not change it afterwards. */
    void add(T item) throws SQLException {
        batch.add(item);
        if (batch.size() == BATCH) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
    }

    /** Waits until the worker has passed on every item added so far, then ends it. */
    void finish() throws SQLException {
        if (!batch.isEmpty()) {
            put(batch);
            batch = new ArrayList<>(BATCH);
        }
        put(end);
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for thread " + name + ".", e);
        }
        checkFailure();
    }

    private void put(List<T> items) throws SQLException {
        try {
            while (!queue.offer(items, 100, TimeUnit.MILLISECONDS)) {
                checkFailure();
                if (!worker.isAlive()) {
                    throw new SQLException("Thread " + name + " stopped before its work was done.");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("Interrupted while waiting for thread " + name + ".", e);
        }
        checkFailure();
    }

    private void checkFailure() throws SQLException {
        Throwable t = failure;
        if (t instanceof SQLException) {
            throw (SQLException) t;
        }
        if (t instanceof RuntimeException) {
            throw (RuntimeException) t;
        }
        if (t instanceof Error) {
            throw (Error) t;
        }
    }

    /** Stops the worker if it still runs (after a failure elsewhere) and waits for it, so the consumer is idle. */
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
