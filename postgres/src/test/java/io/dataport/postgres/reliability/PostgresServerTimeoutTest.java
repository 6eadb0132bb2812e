package io.dataport.postgres.reliability;

import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.QueryTimeoutException;
import io.dataport.TransactionAbortedException;
import io.dataport.contract.Reliability;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scenario 12: the server kills a transaction ({@code idle_in_transaction_session_timeout}) or a statement
 * ({@code statement_timeout}). Each gives a clear typed error; the rest of the transaction's work, even when
 * the application catches the error and goes on, never runs outside the transaction; the pool stays healthy.
 */
@Tag(Reliability.TAG)
class PostgresServerTimeoutTest {

    @Test
    void idleInTransactionTimeoutIsAConnectionErrorAndNothingRunsOutsideTheTransaction() throws Exception {
        String app = PgFaults.applicationName();
        long start = System.nanoTime();
        try (Database admin = PgFaults.admin();
             Database db = Database.builder(PgFaults.freshUrl("ApplicationName=" + app)).maxPoolSize(2).open()) {
            db.useTransaction(s -> s.execute("create table t (id int primary key)"));
            Throwable[] seen = new Throwable[2];
            assertThatThrownBy(() -> db.useTransaction(s -> {
                s.execute("set local idle_in_transaction_session_timeout = '200ms'");
                s.execute("insert into t(id) values (1)");
                int pid = s.handle().createQuery("select pg_backend_pid()").mapTo(int.class).one();
                awaitBackendGone(admin, pid);
                try {
                    s.execute("insert into t(id) values (2)");
                } catch (RuntimeException e) {
                    seen[0] = e;
                }
                try {
                    s.execute("insert into t(id) values (3)"); // the application goes on regardless
                } catch (RuntimeException e) {
                    seen[1] = e;
                    throw e;
                }
            })).isSameAs(seen[1]);
            assertThat(seen[0]).isInstanceOf(ConnectionException.class)
                    .hasMessageContaining("idle-in-transaction timeout");
            // The connection is gone: the next statement is refused, on the dead connection, never on another.
            assertThat(seen[1]).isInstanceOfAny(ConnectionException.class, TransactionAbortedException.class);
            assertHealthy(db);
            Reliability.figures("12a postgres idle_in_transaction_session_timeout", "first error=%s, next "
                    + "statement=%s, elapsed=%d ms", seen[0].getClass().getSimpleName(), seen[1].getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void statementTimeoutIsAQueryTimeoutAndNothingRunsOutsideTheTransaction() {
        long start = System.nanoTime();
        try (Database db = Database.builder(PgFaults.freshUrl()).maxPoolSize(2).open()) {
            db.useTransaction(s -> s.execute("create table t (id int primary key)"));
            Throwable[] seen = new Throwable[2];
            assertThatThrownBy(() -> db.useTransaction(s -> {
                s.execute("set local statement_timeout = '200ms'");
                s.execute("insert into t(id) values (1)");
                try {
                    s.handle().createQuery("select pg_sleep(30)").mapTo(String.class).one();
                } catch (RuntimeException e) {
                    seen[0] = e;
                }
                try {
                    s.execute("insert into t(id) values (2)");
                } catch (RuntimeException e) {
                    seen[1] = e;
                    throw e;
                }
            })).isSameAs(seen[1]);
            assertThat(seen[0]).isInstanceOf(QueryTimeoutException.class);
            assertThat(seen[1]).isInstanceOf(TransactionAbortedException.class);
            assertHealthy(db);
            String timeout = db.inTransaction(s -> s.handle().createQuery("show statement_timeout")
                    .mapTo(String.class).one());
            assertThat(timeout).as("SET LOCAL ended with the transaction").isEqualTo("0");
            Reliability.figures("12b postgres statement_timeout", "first error=%s, next statement=%s, elapsed=%d ms",
                    seen[0].getClass().getSimpleName(), seen[1].getClass().getSimpleName(), (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Nothing of the killed transaction is there, and the pool serves new transactions on every connection. */
    private static void assertHealthy(Database db) {
        int rows = db.inTransaction(s -> s.handle().createQuery("select count(*) from t").mapTo(int.class).one());
        assertThat(rows).as("no row of the killed transaction, none written outside it").isZero();
        for (int i = 10; i < 20; i++) {
            int id = i;
            db.useTransaction(s -> s.execute("insert into t(id) values (?)", id));
        }
        int after = db.inTransaction(s -> s.handle().createQuery("select count(*) from t").mapTo(int.class).one());
        assertThat(after).isEqualTo(10);
    }

    /** Waits until the server has ended the backend (polls pg_stat_activity; bounded). */
    private static void awaitBackendGone(Database admin, int pid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            int alive = admin.withSession(s -> s.handle().createQuery("select count(*) from pg_stat_activity "
                    + "where pid = ?").bind(0, pid).mapTo(int.class).one());
            if (alive == 0) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(20);
        }
        throw new AssertionError("backend " + pid + " still alive 30 s after its idle-in-transaction timeout");
    }
}
