package io.dataport;

import io.dataport.internal.session.AsyncRunner;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * The async side of a {@link Database}, from {@link Database#async()}: the same transactions and sessions, run
 * on the database's own threads, each returning a {@link CompletableFuture} of the callback's result.
 *
 * <pre>{@code
 * CompletableFuture<Long> count = db.async().inReadOnlyTransaction(s -> s.repository(User.class).count());
 * count.thenAccept(n -> System.out.println(n + " users"));
 * }</pre>
 *
 * <p>Each callback runs wholly on one thread with the sync API's rules: retried on conflict, rolled back when
 * it throws, its {@link Session} confined to that thread and that call (hand results out of the callback, never
 * the session). Every failure comes through the future, as the sync call would have thrown it (the callback's
 * checked exception, or a {@link DataportException}): {@code join()} wraps it in a
 * {@link java.util.concurrent.CompletionException}, {@code get()} in an
 * {@link java.util.concurrent.ExecutionException}.
 *
 * <p>As many callbacks run at once as the pool has connections (more could only wait for one); the others wait
 * in a queue of {@link Database.Builder#asyncQueueCapacity(int)} places, and work that finds it full fails at
 * once with {@link AsyncQueueFullException}, so a flood of requests meets a clear refusal instead of filling
 * the memory. The threads are virtual threads on Java 21 and later.
 *
 * <p><b>Cancelling</b> a future ({@code cancel}, or completing it first, as {@code orTimeout} does) stops its
 * work: waiting, it never starts; running, its executing statement is cancelled on the server (or, between
 * statements, its thread interrupted), no further statement starts, and its transaction rolls back instead of
 * committing. A cancel that comes once the commit was sent cannot undo it.
 *
 * <p><b>When to use it</b>: to run database work alongside other asynchronous work (an async HTTP framework, a
 * pipeline of futures) without blocking the caller's thread. It is not faster than the sync API: plain threads,
 * or virtual threads that call the sync API, are equally right, and simpler to read and debug.
 *
 * <p>{@link Database#close()} stops it: work still waiting fails with {@link ConnectionException}, work running
 * is waited for (at most 30 seconds, then stopped by the close). Thread-safe.
 */
public final class AsyncDatabase {
    private final Database database;
    private final AsyncRunner runner;

    AsyncDatabase(Database database, AsyncRunner runner) {
        this.database = database;
        this.runner = runner;
    }

    /**
     * Runs {@link Database#inTransaction(SessionCallback)} on one of the database's threads.
     *
     * <pre>{@code CompletableFuture<User> saved = db.async().inTransaction(s -> s.repository(User.class).insert(u));}</pre>
     *
     * @param callback the work
     * @param <R>      its result type
     * @return the future of the callback's result
     */
    public <R> CompletableFuture<R> inTransaction(SessionCallback<R, ? extends Exception> callback) {
        Objects.requireNonNull(callback, "callback");
        return runner.submit(() -> database.inTransaction(callback));
    }

    /**
     * Runs {@link Database#inTransaction(TransactionIsolation, SessionCallback)} on one of the database's
     * threads.
     *
     * @param isolation the level
     * @param callback  the work
     * @param <R>       its result type
     * @return the future of the callback's result
     */
    public <R> CompletableFuture<R> inTransaction(TransactionIsolation isolation,
                                                  SessionCallback<R, ? extends Exception> callback) {
        Objects.requireNonNull(isolation, "isolation");
        Objects.requireNonNull(callback, "callback");
        return runner.submit(() -> database.inTransaction(isolation, callback));
    }

    /**
     * Runs {@link Database#useTransaction(SessionConsumer)} on one of the database's threads.
     *
     * <pre>{@code db.async().useTransaction(s -> s.execute("delete from sessions where expired")).join();}</pre>
     *
     * @param callback the work
     * @return the future of its end
     */
    public CompletableFuture<Void> useTransaction(SessionConsumer<? extends Exception> callback) {
        Objects.requireNonNull(callback, "callback");
        return runner.submit(() -> {
            database.useTransaction(callback);
            return null;
        });
    }

    /**
     * Runs {@link Database#inReadOnlyTransaction(SessionCallback)} on one of the database's threads.
     *
     * @param callback the work
     * @param <R>      its result type
     * @return the future of the callback's result
     */
    public <R> CompletableFuture<R> inReadOnlyTransaction(SessionCallback<R, ? extends Exception> callback) {
        Objects.requireNonNull(callback, "callback");
        return runner.submit(() -> database.inReadOnlyTransaction(callback));
    }

    /**
     * Runs {@link Database#withSession(SessionCallback)} on one of the database's threads: each statement
     * commits on its own.
     *
     * @param callback the work
     * @param <R>      its result type
     * @return the future of the callback's result
     */
    public <R> CompletableFuture<R> withSession(SessionCallback<R, ? extends Exception> callback) {
        Objects.requireNonNull(callback, "callback");
        return runner.submit(() -> database.withSession(callback));
    }

    /**
     * How many callbacks run at once: the pool's connections.
     *
     * @return the number of threads
     */
    public int threads() {
        return runner.threads();
    }

    /**
     * How many callbacks may wait for a thread before more are refused.
     *
     * @return the queue's capacity
     */
    public int queueCapacity() {
        return runner.capacity();
    }

    /**
     * How many callbacks wait for a thread now.
     *
     * @return the queue's length
     */
    public int queued() {
        return runner.queued();
    }

    /**
     * Whether the threads are virtual threads (Java 21 and later).
     *
     * @return true for virtual threads
     */
    public boolean usesVirtualThreads() {
        return runner.virtualThreads();
    }

    /** Stops the threads, for {@link Database#close()}. */
    void shutdown(Duration wait) {
        runner.shutdown(wait);
    }

    @Override
    public String toString() {
        return "AsyncDatabase[" + database + ", " + threads() + " threads, " + queued() + "/" + queueCapacity()
                + " waiting]";
    }
}
