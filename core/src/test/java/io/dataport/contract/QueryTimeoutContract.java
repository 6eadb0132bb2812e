package io.dataport.contract;

import io.dataport.ConfigurationException;
import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.QueryTimeoutException;
import io.dataport.Session;
import io.dataport.TransactionAbortedException;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * {@link Database.Builder#queryTimeout}: a statement that runs too long fails with {@link QueryTimeoutException}
 * on every path (the application's SQL, Jdbi, SqlObjects, repositories, streams), is not retried, fails its
 * transaction, and leaves the database usable. Only upper bounds on time: a timeout must not hang, and how fast
 * it fires depends on the machine (and PostgreSQL counts whole seconds).
 */
public abstract class QueryTimeoutContract extends ContractSupport {
    /** Counts to two billion: minutes of work on any backend, never the result of a test. */
    static final String RUNAWAY = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
            + "WHERE x < 2000000000) SELECT count(*) FROM c";
    static final Duration TIMEOUT = Duration.ofMillis(300);
    /** Far above the timeout (PostgreSQL rounds it up to 1 s), far below the runaway's minutes. */
    static final Duration FAILS_WITHIN = Duration.ofSeconds(10);

    /** A view as an entity: every repository statement on it runs the runaway count. */
    @Table("slow_numbers")
    public record SlowNumber(@Id Long id, long n) {
    }

    /** A SqlObject whose query runs away. */
    public interface RunawayQueries {
        @SqlQuery(RUNAWAY)
        long count();
    }

    protected Database timed;

    @BeforeEach
    void openTimed() {
        timed = target().builder().queryTimeout(TIMEOUT).open();
        timed.useTransaction(s -> {
            s.execute("create table t (id integer primary key, note varchar(20))");
            s.execute("create view slow_numbers as WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                    + "WHERE x < 2000000000) SELECT x AS id, x AS n FROM c");
        });
    }

    @AfterEach
    void closeTimed() {
        if (timed != null) {
            timed.close();
        }
    }

    @Test
    void runawayStatementOfSessionExecuteTimesOut() {
        assertTimesOut(() -> timed.useTransaction(s -> s.execute(RUNAWAY)));
        assertUsable();
    }

    @Test
    void runawayJdbiQueryTimesOutInAReadOnlyTransactionToo() {
        assertTimesOut(() -> timed.inReadOnlyTransaction(s -> s.handle().createQuery(RUNAWAY).mapTo(long.class).one()));
        assertTimesOut(() -> timed.inTransaction(s -> s.handle().createQuery(RUNAWAY).mapTo(long.class).one()));
        assertUsable();
    }

    @Test
    void runawaySqlObjectQueryTimesOut() {
        assertTimesOut(() -> timed.inTransaction(s -> s.attach(RunawayQueries.class).count()));
        assertUsable();
    }

    @Test
    void runawayRepositoryStatementsTimeOut() {
        CrudRepository<SlowNumber, Long> slow = timed.repository(SlowNumber.class);
        assertTimesOut(slow::count);
        assertTimesOut(() -> timed.useTransaction(s -> s.repository(SlowNumber.class).count()));
        assertTimesOut(() -> {
            try (Stream<SlowNumber> all = slow.stream()) {
                all.findFirst();
            }
        });
        assertUsable();
    }

    @Test
    void aTimeoutFailsItsTransactionAndNothingOfItIsSaved() {
        assertTimesOut(() -> timed.useTransaction(s -> {
            s.execute("insert into t(id) values (1)");
            s.execute(RUNAWAY);
        }));
        assertThat(rows()).isZero();
        assertUsable();
    }

    @Test
    void aTimeoutCaughtInsideTheTransactionStillFailsIt() {
        Throwable[] seen = new Throwable[2];
        Throwable refused = failsWithin(() -> timed.useTransaction(s -> {
            writeThenCatchATimeout(s, 1, seen, 0);
            s.execute("insert into t(id) values (2)");
        }));
        assertThat(refused).isInstanceOf(TransactionAbortedException.class);
        Throwable commit = failsWithin(() -> timed.useTransaction(s -> writeThenCatchATimeout(s, 3, seen, 1)));
        assertThat(commit).isInstanceOf(TransactionAbortedException.class).hasMessageContaining("Commit refused");
        assertThat(seen).allSatisfy(e -> assertThat(e).isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("queryTimeout"));
        assertThat(rows()).isZero();
        assertUsable();
    }

    /**
     * Writes row {@code id}, then runs a runaway write and catches its timeout into {@code seen[at]}, as an
     * application might. SQLite rolls the transaction back by itself when it interrupts a write; PostgreSQL
     * aborts it.
     */
    private static void writeThenCatchATimeout(Session s, int id, Throwable[] seen, int at) {
        s.execute("insert into t(id) values (?)", id);
        try {
            s.execute("INSERT INTO t(id) WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c "
                    + "WHERE x < 2000000000) SELECT count(*) FROM c");
        } catch (QueryTimeoutException e) {
            seen[at] = e;
        }
    }

    @Test
    void shortStatementsRunUnderTheTimeoutOnEveryPath() {
        CrudRepository<Row, Integer> repo = timed.repository(Row.class);
        for (int i = 1; i <= 200; i++) {
            int id = i;
            switch (i % 4) {
                case 0:
                    timed.useTransaction(s -> s.execute("insert into t(id) values (?)", id));
                    break;
                case 1:
                    timed.useTransaction(s -> s.handle().createUpdate("insert into t(id) values (:id)")
                            .bind("id", id).execute());
                    break;
                case 2:
                    repo.insert(new Row(id, "repository"));
                    break;
                default:
                    timed.useTransaction(s -> s.repository(Row.class).insert(new Row(id, "session")));
            }
            assertThat(repo.existsById(id)).isTrue();
        }
        assertThat(rows()).isEqualTo(200);
        try (Stream<Row> all = repo.stream()) {
            assertThat(all.count()).isEqualTo(200);
        }
    }

    /** The table {@code t} as an entity. */
    @Table("t")
    public record Row(@Id Integer id, String note) {
    }

    @Test
    void noTimeoutByDefault() {
        assertThat(db.config().queryTimeout()).isEqualTo(Duration.ZERO);
        assertThat(db.config().toString()).contains("queryTimeout=PT0S");
        assertThat(timed.config().queryTimeout()).isEqualTo(TIMEOUT);
        assertThat(timed.config().toString()).contains("queryTimeout=PT0.3S");
        long one = db.inTransaction(s -> s.handle().createQuery("SELECT count(*) FROM (SELECT 1) AS one")
                .mapTo(long.class).one());
        assertThat(one).isEqualTo(1L);
        try (Database none = target().builder().queryTimeout(Duration.ZERO).open()) {
            assertThat(none.config().queryTimeout()).isZero();
            int answer = none.inTransaction(s -> s.handle().createQuery("SELECT 1").mapTo(int.class).one());
            assertThat(answer).isEqualTo(1);
        }
    }

    @Test
    void negativeTimeoutIsRefusedByName() {
        assertThatThrownBy(() -> Database.builder(target().freshUrl()).queryTimeout(Duration.ofMillis(-1)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("queryTimeout cannot be negative: PT-0.001S")
                .hasMessageContaining("Duration.ZERO");
    }

    /** Fails with the query timeout's exception, worded as such, within the bound, and was not retried. */
    private void assertTimesOut(ThrowingCallable work) {
        long retries = timed.retryCount();
        Throwable thrown = failsWithin(work);
        assertThat(thrown).isInstanceOf(QueryTimeoutException.class)
                .hasMessageContaining("ran longer than the configured queryTimeout: 300 ms")
                .hasMessageContaining("Database.builder(url).queryTimeout(");
        assertThat(timed.retryCount()).as("a timeout is not retried").isEqualTo(retries);
    }

    /** What {@code work} throws, which it must within {@link #FAILS_WITHIN}. */
    private static Throwable failsWithin(ThrowingCallable work) {
        Throwable thrown = assertTimeoutPreemptively(FAILS_WITHIN, () -> catchThrowable(work));
        assertThat(thrown).as("the statement failed").isNotNull();
        return thrown;
    }

    /** The next transactions, reading and writing, work on the same database. */
    private void assertUsable() {
        timed.useTransaction(s -> s.execute("insert into t(id) values (1000)"));
        int written = timed.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from t where id = 1000")
                .mapTo(int.class).one());
        assertThat(written).isEqualTo(1);
        timed.useTransaction(s -> s.execute("delete from t where id = 1000"));
    }

    private int rows() {
        return timed.inTransaction(s -> s.handle().createQuery("select count(*) from t").mapTo(int.class).one());
    }
}
