package io.dataport.internal.session;

import io.dataport.spi.StatementWatch;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The stop of one async task: the task's thread runs between {@link #begin()} and {@link #end()}, and any
 * other thread may {@link #cancel()} it meanwhile, which stops the statement executing on it, or interrupts the
 * thread when none does (a wait for a connection, the application's own blocking calls); from then on no
 * statement of the task starts, and its work is not run again. The sessions the task
 * opens find it on their thread ({@link #current()}) and tell it about each execution. Thread-safe.
 *
 * <p>Two races are closed by the one lock: a cancel never stops a statement whose execution ended (the end
 * waits for a cancel under way), and never interrupts the thread once the task ended (its next task starts
 * with the flag cleared). A third is closed by repeating: a cancel that reaches the driver before the statement
 * reached the database is dropped (pgjdbc cancels only a statement it marked as in its query, the server and
 * SQLite only one they run), so the statement's cancel is sent again every {@value #REPEAT_MILLIS} ms until its
 * execution ends.
 */
public final class Cancellation {
    private static final ThreadLocal<Cancellation> CURRENT = new ThreadLocal<>();
    /** How often a cancelled statement that still executes is cancelled again. */
    static final long REPEAT_MILLIS = 100;

    /** The task's thread; null once the task ended. Guarded by this. */
    private Thread worker;
    private boolean cancelled;
    /** Whether the task's commit was sent: a cancel from then on stops nothing. Guarded by this. */
    private boolean committing;
    /** The watch of the statement executing now, or null. Guarded by this. */
    private StatementWatch executing;
    /** The repeats of the executing statement's cancel, or null. Guarded by this. */
    private ScheduledFuture<?> repeating;

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
     * Stops the task: cancels the statement executing on its thread, or, when none executes, interrupts the
     * thread (a wait for a connection, the application's own blocking calls). Never both: on a virtual thread an
     * interrupt closes the socket a driver is blocked on, which would break the connection instead of stopping
     * the statement. The statement's cancel is repeated until its execution ends: a driver drops one that came
     * too early. Does nothing once the task ended, or when it was cancelled already.
     */
    public synchronized void cancel() {
        if (cancelled || worker == null) {
            return;
        }
        // First: a statement that fails now is not run again, and none may start.
        cancelled = true;
        if (committing) {
            return;
        }
        if (executing != null) {
            executing.cancel();
            repeating = Repeats.SCHEDULER.scheduleWithFixedDelay(this::cancelAgain, REPEAT_MILLIS, REPEAT_MILLIS,
                    TimeUnit.MILLISECONDS);
        } else {
            worker.interrupt();
        }
    }

    /** From the repeats' thread: the cancelled statement still executes, so its first cancel was dropped. */
    private synchronized void cancelAgain() {
        if (executing != null && worker != null) {
            executing.cancel();
        } else {
            stopRepeating();
        }
    }

    private void stopRepeating() {
        if (repeating != null) {
            repeating.cancel(false);
            repeating = null;
        }
    }

    /** Whether the task running on the current thread, if any, was cancelled: its work must not run again. */
    static boolean cancelledHere() {
        Cancellation c = CURRENT.get();
        return c != null && c.isCancelled();
    }

    /**
     * Before the rollback and release of a cancelled task's session: clears the interrupt its cancel may have
     * set, so that the driver's socket (closed by an interrupt on a virtual thread) survives them. Statements
     * stay refused ({@link #executing}).
     */
    void beforeCleanup() {
        if (isCancelled()) {
            Thread.interrupted();
        }
    }

    /** Whether {@link #cancel()} was called while the task ran. */
    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** Ends the task, on its thread: no cancel reaches the thread from now on, and its interrupt flag is clear. */
    public void end() {
        synchronized (this) {
            worker = null;
            executing = null;
            stopRepeating();
        }
        CURRENT.remove();
        // A cancel that came during the task set the flag; the lock above waited for one under way.
        Thread.interrupted();
    }

    /**
     * The task is about to send its commit: true when it may, false when it was cancelled (then it must roll
     * back instead). From now on a cancel neither cancels nor interrupts: the commit is on its way.
     */
    synchronized boolean committing() {
        if (cancelled) {
            return false;
        }
        committing = true;
        return true;
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
        stopRepeating();
    }

    /** The one daemon thread that repeats the cancels of every database, started by the first cancel. */
    private static final class Repeats {
        static final ScheduledExecutorService SCHEDULER = scheduler();

        private static ScheduledExecutorService scheduler() {
            ScheduledThreadPoolExecutor scheduler =
                    new ScheduledThreadPoolExecutor(1, AsyncRunner.platformThreads("dataport-cancel-"));
            // A statement that ends at its first cancel stops its repeats: drop them from the queue at once.
            scheduler.setRemoveOnCancelPolicy(true);
            return scheduler;
        }
    }
}
