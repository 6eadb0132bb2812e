package io.dataport.internal.session;

import io.dataport.spi.StatementWatch;

/**
 * The stop of one async task: the task's thread runs between {@link #begin()} and {@link #end()}, and any
 * other thread may {@link #cancel()} it meanwhile, which interrupts the thread (a wait for a connection, the
 * application's own blocking calls) and stops the statement executing on it, if one does. The sessions the task
 * opens find it on their thread ({@link #current()}) and tell it about each execution. Thread-safe.
 *
 * <p>Two races are closed by the one lock: a cancel never stops a statement whose execution ended (the end
 * waits for a cancel under way), and never interrupts the thread once the task ended (its next task starts
 * with the flag cleared).
 */
public final class Cancellation {
    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();

    /** The task's thread; null once the task ended. Guarded by this. */
    private Thread worker;
    private boolean cancelled;
    /** The watch of the statement executing now, or null. Guarded by this. */
    private StatementWatch executing;

    private Cancellation(Thread worker) {
        this.worker = worker;
    }

    /** Starts a cancellable task on the current thread; the caller ends it with {@link #end()}, on this thread. */
    public static Cancellation begin() {
        Cancellation c = new Cancellation(Thread.currentThread());
        CURRENT.set(c);
        return c;
    }

    /** The task running on the current thread, or null when it runs none. */
    static Cancellation current() {
        return CURRENT.get();
    }

    /**
     * Stops the task: interrupts its thread and stops the statement executing on it. Does nothing once the
     * task ended, or when it was cancelled already.
     */
    public synchronized void cancel() {
        if (cancelled || worker == null) {
            return;
        }
        cancelled = true;
        // The interrupt first: a statement that fails now must not be run again, and none may follow.
        worker.interrupt();
        if (executing != null) {
            executing.cancel();
        }
    }

    /** Whether {@link #cancel()} was called while the task ran. */
    public synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Ends the task, on its thread: no cancel reaches the thread from now on, and its interrupt flag is clear. */
    public void end() {
        synchronized (this) {
            worker = null;
            executing = null;
        }
        CURRENT.remove();
        // A cancel that came during the task set the flag; the lock above waited for one under way.
        Thread.interrupted();
    }

    /** Holds the watch of an execution about to start; false when the task was cancelled, so it must not start. */
    synchronized boolean executing(StatementWatch watch) {
        if (cancelled) {
            return false;
        }
        executing = watch;
        return true;
    }

    /** The execution is over: a cancel from now on stops no statement. Waits for a cancel under way. */
    synchronized void executed() {
        executing = null;
    }
}
