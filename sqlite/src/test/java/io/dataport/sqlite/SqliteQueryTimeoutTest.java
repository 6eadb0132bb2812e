package io.dataport.sqlite;

import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.QueryTimeoutContract;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteQueryTimeoutTest extends QueryTimeoutContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }

    @Test
    void oneDaemonThreadStartsWithTheFirstTimedStatementAndStopsAtClose() throws Exception {
        try (Database none = SqliteTarget.INSTANCE.open()) {
            none.useTransaction(s -> s.execute("create table x (id integer primary key)"));
            assertThat(interrupts(none).started()).as("no timeout, no thread").isFalse();
        }
        Database db = SqliteTarget.INSTANCE.builder().queryTimeout(Duration.ofSeconds(30)).open();
        SqliteInterrupts interrupts = interrupts(db);
        assertThat(interrupts.started()).as("started lazily").isFalse();
        db.useTransaction(s -> {
            s.execute("create table x (id integer primary key)");
            s.execute("insert into x(id) values (1)");
        });
        int one = db.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from x")
                .mapTo(int.class).one());
        assertThat(one).isEqualTo(1);
        assertThat(interrupts.started()).isTrue();
        assertThat(interrupts.pending()).as("each statement cancelled its deadline when it ended").isZero();
        assertThat(Thread.getAllStackTraces().keySet())
                .filteredOn(t -> t.getName().startsWith("dataport-sqlite-query-timeout-"))
                .isNotEmpty().allMatch(Thread::isDaemon);
        db.close();
        assertThat(interrupts.started()).as("stopped with the database").isFalse();
    }

    /** The running connector's interrupts: Database.connector() is private in io.dataport. */
    private static SqliteInterrupts interrupts(Database db) throws Exception {
        Method m = Database.class.getDeclaredMethod("connector");
        m.setAccessible(true);
        return ((SqliteConnector) m.invoke(db)).interrupts();
    }
}
