package io.dataport.sqlite;

import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;
import io.dataport.contract.MigrationContract;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

class SqliteMigrationTest extends MigrationContract {
    @Override
    protected DatabaseTarget target() {
        return SqliteTarget.INSTANCE;
    }

    /** A DataSource connection is SQLite's one writer: a Dataport write waits until it is closed. */
    @Test
    void aDataSourceConnectionHoldsTheWriterUntilClosed() throws Exception {
        Database db = track(target().open());
        db.useTransaction(s -> s.execute("create table ds (x integer)"));
        CountDownLatch written = new CountDownLatch(1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try {
                db.useTransaction(s -> s.execute("insert into ds (x) values (2)"));
            } catch (Throwable t) {
                failure.set(t);
            }
            written.countDown();
        }, "dataport-writer");
        try (Connection c = db.dataSource().getConnection()) {
            try (Statement st = c.createStatement()) {
                st.execute("insert into ds (x) values (1)");
            }
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (db.metrics().threadsWaiting() == 0) {
                assertThat(System.nanoTime()).as("the writer thread waits for the writer").isLessThan(deadline);
                Thread.onSpinWait();
            }
            assertThat(written.getCount()).as("no write while the DataSource connection is open").isEqualTo(1);
        }
        assertThat(written.await(10, TimeUnit.SECONDS)).as("the write ran once the connection was closed").isTrue();
        assertThat(failure.get()).isNull();
        List<Integer> rows = db.inReadOnlyTransaction(s -> s.handle().createQuery("select x from ds order by x")
                .mapTo(int.class).list());
        assertThat(rows).containsExactly(1, 2);
    }
}
