package io.dataport.sqlite;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The writer's turns: a thread queued longer than the bound is served before a thread that finds the writer
 * free, and a turn not freed in time is refused. (That a releasing thread may take the writer again while the
 * queued one has waited less is a race with the woken thread, shown by benchmark W9, not asserted here.)
 * Conditions order the steps; times are bounds only.
 */
class WriterTurnsTest {
    private static final long BOUND_MILLIS = 30_000;

    @Test
    void aTurnNotFreedInTimeIsRefused() throws Exception {
        WriterTurns turns = new WriterTurns();
        assertThat(turns.take(BOUND_MILLIS)).isTrue();
        CompletableFuture<Boolean> other = CompletableFuture.supplyAsync(() -> {
            try {
                return turns.take(1);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, task -> new Thread(task).start());
        assertThat(other.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).isFalse();
        turns.giveBack();
    }

    @Test
    void aThreadQueuedLongerThanTheBoundIsServedFirst() throws Exception {
        WriterTurns turns = new WriterTurns(1);
        List<String> order = new CopyOnWriteArrayList<>();
        assertThat(turns.take(BOUND_MILLIS)).isTrue();
        CompletableFuture<Boolean> queued = queue(turns, order);
        awaitQueued(turns);
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (turns.longestWaitNanos() <= TimeUnit.MILLISECONDS.toNanos(1)) {
            assertThat(System.nanoTime()).as("the queued thread to pass the bound").isLessThan(deadline);
            Thread.onSpinWait();
        }
        turns.giveBack();
        assertThat(turns.take(BOUND_MILLIS)).isTrue();
        order.add("releaser");
        turns.giveBack();
        assertThat(queued.get(BOUND_MILLIS, TimeUnit.MILLISECONDS)).isTrue();
        assertThat(order).containsExactly("queued", "releaser");
    }

    /** A thread that queues for a turn, records it and gives it back. */
    private static CompletableFuture<Boolean> queue(WriterTurns turns, List<String> order) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                boolean took = turns.take(BOUND_MILLIS);
                order.add("queued");
                turns.giveBack();
                return took;
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, task -> new Thread(task).start());
    }

    private static void awaitQueued(WriterTurns turns) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(BOUND_MILLIS);
        while (turns.waiting() == 0 || turns.longestWaitNanos() == 0) {
            assertThat(System.nanoTime()).as("a thread to queue").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }
}
