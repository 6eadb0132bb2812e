package io.dataport.contract;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.TransactionConflictException;
import io.dataport.Session;
import io.dataport.TransactionIsolation;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/** {@code inTransaction(TransactionIsolation, ...)} and {@code retryCount()}, the same on every backend. */
public abstract class IsolationAndRetryCountContract extends ContractSupport {

    /**
     * What {@code getTransactionIsolation()} reports inside a transaction that asked for {@code level}: exactly
     * that level where the backend has it, serializable on a backend that has no other (SQLite).
     */
    protected int expectedLevel(TransactionIsolation level) {
        return onlySerializable() ? Connection.TRANSACTION_SERIALIZABLE : level.jdbcLevel();
    }

    /** Whether the backend runs every transaction serializable: SQLite, with its one writer. */
    protected boolean onlySerializable() {
        return target().backend().equals("sqlite");
    }

    /**
     * Whether a serializable writer waits for the other's reads to end instead of going ahead and failing at
     * commit: SQLite (one writer), MySQL (serializable reads take shared locks).
     */
    protected boolean writersTakeTurns() {
        return onlySerializable() || target().backend().equals("mysql");
    }

    @Test
    void transactionRunsAtExactlyTheAskedLevelAndTheNextOneAtTheDefaultAgain() throws SQLException {
        createAccounts();
        for (TransactionIsolation level : TransactionIsolation.values()) {
            int inside = db.inTransaction(level, s -> {
                s.execute("insert into account(id, owner, balance) values (?, ?, 1)", level.ordinal(), level.name());
                return s.handle().getConnection().getTransactionIsolation();
            });
            assertThat(inside).as("level inside %s", level).isEqualTo(expectedLevel(level));
        }
        int plain = db.inTransaction(s -> s.handle().getConnection().getTransactionIsolation());
        assertThat(plain).as("a plain transaction: serializable by default")
                .isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
        int readOnly = db.inReadOnlyTransaction(s -> s.handle().getConnection().getTransactionIsolation());
        assertThat(readOnly).as("a read-only transaction reads one snapshot")
                .isEqualTo(expectedLevel(TransactionIsolation.REPEATABLE_READ));
        assertThat(count("account")).isEqualTo(TransactionIsolation.values().length);
    }

    @Test
    void theDatabaseDefaultLevelIsExactlyTheOneConfigured() throws SQLException {
        try (Database weak = target().builder().isolation(TransactionIsolation.READ_COMMITTED).open()) {
            int plain = weak.inTransaction(s -> s.handle().getConnection().getTransactionIsolation());
            int asked = weak.inTransaction(TransactionIsolation.SERIALIZABLE,
                    s -> s.handle().getConnection().getTransactionIsolation());
            int again = weak.inTransaction(s -> s.handle().getConnection().getTransactionIsolation());
            assertThat(plain).isEqualTo(expectedLevel(TransactionIsolation.READ_COMMITTED));
            assertThat(asked).isEqualTo(Connection.TRANSACTION_SERIALIZABLE);
            assertThat(again).as("the default again afterwards")
                    .isEqualTo(expectedLevel(TransactionIsolation.READ_COMMITTED));
        }
    }

    @Table("rmw_counter")
    public record Counter(@Id Long id, long total) {
    }

    @Test
    void readThenWriteThroughTheRepositoryLosesNoUpdateUnderTheDefault() throws Exception {
        // Four threads on one row: under the default level every conflict is retried; enough attempts that a
        // rare run of lost races cannot end in TransactionConflictException (which loses nothing either).
        db.close();
        db = target().builder().maxAttempts(100).open();
        db.schema().create(Counter.class);
        CrudRepository<Counter, Long> counters = db.repository(Counter.class);
        long id = counters.insert(new Counter(null, 0)).id();
        int threads = 4;
        int perThread = 50;
        long before = db.retryCount();
        ConcurrencyContract.runConcurrently(threads, () -> {
            for (int i = 0; i < perThread; i++) {
                db.useTransaction(s -> {
                    Counter c = counters.findById(id).orElseThrow();
                    counters.update(new Counter(id, c.total() + 1));
                });
            }
            return null;
        });
        assertThat(counters.findById(id).orElseThrow().total()).as("no update lost")
                .isEqualTo(threads * perThread);
        if (!onlySerializable()) {
            assertThat(db.retryCount() - before).as("conflicts were retried").isPositive();
        }
    }

    @Test
    void twoTransactionsCheckingAnInvariantCannotBreakItTogether() throws Exception {
        db.useTransaction(s -> {
            s.execute("create table doctor (id integer primary key, on_call integer not null)");
            s.execute("insert into doctor(id, on_call) values (1, 1), (2, 1)");
        });
        long before = db.retryCount();
        AtomicInteger attempts = new AtomicInteger();
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            db.useTransaction(s -> {
                int onCall = onCall(s);
                if (attempts.incrementAndGet() == 1) {
                    // The other doctor checks and goes off call meanwhile (after this one, where writers
                    // take turns).
                    Future<?> second = other.submit(() -> db.useTransaction(t -> goOffCallIfAnotherStays(t, 2)));
                    if (!writersTakeTurns()) {
                        second.get(30, TimeUnit.SECONDS);
                    }
                }
                if (onCall >= 2) {
                    s.execute("update doctor set on_call = 0 where id = 1");
                }
            });
            other.shutdown();
            assertThat(other.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            other.shutdownNow();
        }
        int left = db.inTransaction(IsolationAndRetryCountContract::onCall);
        assertThat(left).as("doctors on call").isEqualTo(1);
        if (!writersTakeTurns()) {
            assertThat(db.retryCount() - before).as("the write skew was a conflict, retried").isPositive();
        }
    }

    private static int onCall(Session s) {
        return s.handle().createQuery("select count(*) from doctor where on_call = 1").mapTo(int.class).one();
    }

    private static void goOffCallIfAnotherStays(Session s, int doctor) {
        if (onCall(s) >= 2) {
            s.execute("update doctor set on_call = 0 where id = ?", doctor);
        }
    }

    @Test
    void aConflictInsideAnotherDatabasesTransactionIsRetriedOnlyByTheOutermostAndSaidOnce() {
        try (Database outerDb = target().builder().maxAttempts(3).retryBackoff(Duration.ofMillis(1)).open();
             Database innerDb = target().open()) {
            AtomicInteger outer = new AtomicInteger();
            AtomicInteger inner = new AtomicInteger();
            Throwable failure = catchThrowable(() -> outerDb.useTransaction(s -> {
                outer.incrementAndGet();
                innerDb.useTransaction(t -> {
                    inner.incrementAndGet();
                    throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
                });
            }));
            assertThat(outer).as("the outer transaction's attempts").hasValue(3);
            assertThat(inner).as("the inner one runs once per outer attempt").hasValue(3);
            assertThat(failure).isInstanceOf(TransactionConflictException.class)
                    .hasMessageStartingWith("Transaction gave up after 3 attempts");
            String message = failure.getMessage();
            assertThat(message.split("gave up after", -1)).as("said once").hasSize(2);
            assertThat(message).contains("Not retried here: this thread is inside a transaction of another Database");
        }
        // Alone, the inner Database retries as before.
        try (Database alone = target().builder().maxAttempts(2).retryBackoff(Duration.ofMillis(1)).open()) {
            AtomicInteger runs = new AtomicInteger();
            assertThatThrownBy(() -> alone.useTransaction(t -> {
                runs.incrementAndGet();
                throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
            })).isInstanceOf(TransactionConflictException.class);
            assertThat(runs).hasValue(2);
        }
    }

    @Test
    void isolatedTransactionRollsBackAndIsRetriedLikeAnyOther() {
        createAccounts();
        AtomicInteger attempts = new AtomicInteger();
        long before = db.retryCount();
        db.useTransaction(TransactionIsolation.SERIALIZABLE, s -> {
            s.execute("insert into account(id, owner, balance) values (?, ?, 1)", attempts.incrementAndGet(), "a");
            if (attempts.get() < 3) {
                throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
            }
        });
        assertThat(attempts).hasValue(3);
        assertThat(db.retryCount() - before).as("retries counted").isEqualTo(2);
        assertThat(count("account")).isEqualTo(1);
        assertThatThrownBy(() -> db.useTransaction(TransactionIsolation.SERIALIZABLE, s -> {
            s.execute("insert into account(id, owner, balance) values (9, 'b', 1)");
            throw new IllegalArgumentException("not a conflict");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(db.retryCount() - before).as("other failures are not retried").isEqualTo(2);
        assertThat(count("account")).isEqualTo(1);
    }
}
