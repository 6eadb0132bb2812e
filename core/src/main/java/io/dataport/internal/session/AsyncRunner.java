package io.dataport.internal.session;

import io.dataport.AsyncQueueFullException;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of one Database's async API: a fixed number of them (the size of the connection pool: more could
 * only wait for a connection), virtual threads where the JVM has them, and a bounded queue of work waiting for
 * one; work that finds the queue full is refused at once with {@link AsyncQueueFullException}. Each piece of
 * work runs wholly on one thread, as a {@link Cancellation}: completing its future from outside (cancel, a
 * timeout of {@code orTimeout}) stops it. Thread-safe.
 */
public final class AsyncRunner {
    private static final AtomicInteger RUNNERS = new AtomicInteger();
    /** Idle threads end after this; the next work starts them again. */
    private static final long KEEP_ALIVE_SECONDS = 30;

    private final ThreadPoolExecutor executor;
    private final int capacity;
    private final boolean virtual;
    private final Lifecycle lifecycle;
    private final String maskedUrl;

    /**
     * The runner of a Database.
     *
     * @param threads  how many pieces of work run at once
     * @param capacity how many may wait for a thread
     */
    public AsyncRunner(int threads, int capacity, Lifecycle lifecycle, String maskedUrl) {
        this.capacity = capacity;
        this.lifecycle = lifecycle;
        this.maskedUrl = maskedUrl;
        String prefix = "dataport-async-" + RUNNERS.incrementAndGet() + "-";
        ThreadFactory virtualThreads = virtualThreads(prefix);
        this.virtual = virtualThreads != null;
        this.executor = new ThreadPoolExecutor(threads, threads, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(capacity), virtual ? virtualThreads : platformThreads(prefix));
        executor.allowCoreThreadTimeOut(true);
    }

    /**
     * Java 21's virtual threads, found at run time (Dataport runs on Java 17); null on a JVM without them, or
     * with them only as a preview.
     */
    private static ThreadFactory virtualThreads(String prefix) {
        try {
            Class<?> builder = Class.forName("java.lang.Thread$Builder");
            Object virtual = Thread.class.getMethod("ofVirtual").invoke(null);
            Method name = builder.getMethod("name", String.class, long.class);
            return (ThreadFactory) builder.getMethod("factory").invoke(name.invoke(virtual, prefix, 1L));
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** Daemon threads: an application that never closes its Database can still exit (the open work rolls back). */
    static ThreadFactory platformThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** How many pieces of work run at once. */
    public int threads() {
        return executor.getMaximumPoolSize();
    }

    /** How many may wait for a thread. */
    public int capacity() {
        return capacity;
    }

    /** Whether the threads are virtual threads. */
    public boolean virtualThreads() {
        return virtual;
    }

    /** How many wait for a thread now. */
    public int queued() {
        return executor.getQueue().size();
    }

    /**
     * Runs {@code work} on one of the threads; every failure, a refusal included, completes the future
     * exceptionally.
     */
    public <R> CompletableFuture<R> submit(Callable<R> work) {
        Task<R> task = new Task<>(work);
        try {
            lifecycle.checkOpen();
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.fail(executor.isShutdown() ? lifecycle.closedBeforeStart() : new AsyncQueueFullException(
                    "Async work refused: " + capacity + " pieces of work already wait for the " + threads()
                            + " async threads of " + maskedUrl + ", so nothing of this one ran. The application "
                            + "submits faster than the database finishes: wait for earlier futures before "
                            + "submitting more, or raise Database.builder(url).asyncQueueCapacity(n)."));
        } catch (RuntimeException e) {
            task.fail(e);
        }
        return task;
    }

    /**
     * Stops the threads: no new work is taken, work still waiting fails with the closed-database error, and
     * work running is waited for, at most {@code wait}.
     *
     * @return whether all work ended within {@code wait}
     */
    public boolean shutdown(Duration wait) {
        executor.shutdown();
        List<Runnable> waiting = new ArrayList<>();
        executor.getQueue().drainTo(waiting);
        for (Runnable r : waiting) {
            ((Task<?>) r).fail(lifecycle.closedBeforeStart());
        }
        try {
            return executor.awaitTermination(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * One piece of work and its future. Completing the future from outside before the work ended (a cancel, a
     * completion or timeout of the caller's) cancels the work's {@link Cancellation}.
     */
    private static final class Task<R> extends CompletableFuture<R> implements Runnable {
        private final Callable<R> work;
        private final Object lock = new Object();
        /** The running work's stop; null before it starts and after it ends. Guarded by {@link #lock}. */
        private Cancellation running;

        Task(Callable<R> work) {
            this.work = work;
        }

        @Override
        public void run() {
            Cancellation cancellation = Cancellation.begin();
            try {
                synchronized (lock) {
                    if (isDone()) {
                        // Cancelled while it waited: it never starts.
                        return;
                    }
                    running = cancellation;
                }
                R result;
                try {
                    result = work.call();
                } catch (Throwable t) {
                    super.completeExceptionally(t);
                    return;
                }
                super.complete(result);
            } finally {
                synchronized (lock) {
                    running = null;
                }
                cancellation.end();
            }
        }

        void fail(Throwable failure) {
            super.completeExceptionally(failure);
        }

        /** Cancels the work, whatever {@code mayInterruptIfRunning} says: a cancelled future never commits later. */
        @Override
        public boolean cancel(boolean mayInterruptIfRunning) {
            return stopIf(super.cancel(mayInterruptIfRunning));
        }

        @Override
        public boolean complete(R value) {
            return stopIf(super.complete(value));
        }

        @Override
        public boolean completeExceptionally(Throwable failure) {
            return stopIf(super.completeExceptionally(failure));
        }

        /** Stops the running work when the future was just completed from outside. */
        private boolean stopIf(boolean completed) {
            if (completed) {
                Cancellation c;
                synchronized (lock) {
                    c = running;
                }
                if (c != null) {
                    c.cancel();
                }
            }
            return completed;
        }
    }
}
