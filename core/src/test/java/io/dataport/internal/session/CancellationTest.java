package io.dataport.internal.session;

import io.dataport.spi.StatementWatch;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cancel of an async task's executing statement, against a driver that drops a cancel sent before the
 * statement reached the database (pgjdbc before it marked the statement as in its query, PostgreSQL and SQLite
 * before they run it): the cancel is sent again until the execution ends.
 */
class CancellationTest {
    private static final long BOUND_SECONDS = 10;

    /** A statement that drops its first {@code dropped} cancels, and stops at the next. */
    private static final class LateStatement implements StatementWatch {
        private final int dropped;
        final AtomicInteger cancels = new AtomicInteger();
        final CountDownLatch stopped = new CountDownLatch(1);

        LateStatement(int dropped) {
            this.dropped = dropped;
        }

        @Override
        public void cancel() {
            if (cancels.incrementAndGet() > dropped) {
                stopped.countDown();
            }
        }

        @Override
        public void close() {
        }
    }

    @Test
    void aCancelTheDriverDroppedIsSentAgainUntilTheStatementStops() throws Exception {
        LateStatement statement = new LateStatement(2);
        CountDownLatch executing = new CountDownLatch(1);
        Cancellation[] task = new Cancellation[1];
        Thread worker = new Thread(() -> {
            Cancellation c = Cancellation.begin();
            task[0] = c;
            try {
                assertThat(c.executing(statement)).isTrue();
                executing.countDown();
                statement.stopped.await(BOUND_SECONDS, TimeUnit.SECONDS);
                c.executed();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                c.end();
            }
        });
        worker.start();
        assertThat(executing.await(BOUND_SECONDS, TimeUnit.SECONDS)).isTrue();
        task[0].cancel();
        assertThat(statement.stopped.await(BOUND_SECONDS, TimeUnit.SECONDS)).as("the statement was stopped").isTrue();
        worker.join(TimeUnit.SECONDS.toMillis(BOUND_SECONDS));
        assertThat(worker.isAlive()).isFalse();
        assertThat(statement.cancels.get()).as("two dropped cancels, then the one that stopped it")
                .isGreaterThanOrEqualTo(3);
        assertThat(task[0].isCancelled()).isTrue();
    }

    @Test
    void noStatementStartsOnceTheTaskWasCancelled() throws Exception {
        Cancellation c = Cancellation.begin();
        try {
            c.cancel();
            assertThat(Thread.interrupted()).as("between statements the thread is interrupted").isTrue();
            assertThat(c.executing(new LateStatement(0))).isFalse();
            assertThat(c.committing()).isFalse();
        } finally {
            c.end();
        }
    }
}
