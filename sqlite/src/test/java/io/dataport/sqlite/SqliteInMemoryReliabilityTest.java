package io.dataport.sqlite;

import io.dataport.Database;
import io.dataport.contract.Reliability;
import io.dataport.sqlite.reliability.SqlitePragmaCheck;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scenario 4: an in-memory database keeps its data through forced connection retirement and idle eviction,
 * through failed and concurrent work, and two in-memory databases never see each other. The in-memory design
 * has one connection (the writer), which the pool never retires; retirement of readers is forced too, on a
 * file database, to show the fresh readers get every pragma.
 */
@Tag(Reliability.TAG)
class SqliteInMemoryReliabilityTest {

    @Test
    void inMemoryDatabaseSurvivesRetirementEvictionAndFailures() throws Exception {
        long start = System.nanoTime();
        try (Database db = Database.builder("sqlite::memory:").maxPoolSize(4).open()) {
            db.useTransaction(s -> {
                s.execute("create table t (id integer primary key, v text not null)");
                s.execute("insert into t(id, v) values (1, 'kept')");
            });
            int retired = 0;
            for (int round = 0; round < 20; round++) {
                retired += connector(db).retireIdleReaders();
                int first = 100 + round * 100;
                // Concurrent writes and reads, a failing transaction, a read-only one.
                runConcurrently(8, t -> {
                    for (int i = 0; i < 10; i++) {
                        int id = first + t * 10 + i;
                        if (id % 2 == 0) {
                            db.useTransaction(s -> s.execute("insert into t(id, v) values (?, 'x')", id));
                        } else {
                            db.useReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from t")
                                    .mapTo(int.class).one());
                        }
                    }
                });
                assertThatThrownBy(() -> db.useTransaction(s -> {
                    s.execute("insert into t(id, v) values (?, 'rolled back')", first + 99_000);
                    throw new IllegalStateException("boom");
                })).isInstanceOf(IllegalStateException.class);
            }
            String kept = db.inReadOnlyTransaction(s -> s.handle().createQuery("select v from t where id = 1")
                    .mapTo(String.class).one());
            int rows = db.inTransaction(s -> s.handle().createQuery("select count(*) from t").mapTo(int.class).one());
            assertThat(kept).isEqualTo("kept");
            assertThat(rows).isEqualTo(1 + 20 * 40);
            Reliability.figures("4 sqlite in-memory retirement", "rounds=20, transactions=%d, retired readers=%d, "
                    + "rows=%d, elapsed=%d ms", 20 * 81, retired, rows, (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void twoInMemoryDatabasesAreIsolated() {
        try (Database a = Database.open("sqlite::memory:"); Database b = Database.open("sqlite::memory:")) {
            a.useTransaction(s -> s.execute("create table only_in_a (x integer)"));
            b.useTransaction(s -> s.execute("create table only_in_b (x integer)"));
            a.useTransaction(s -> s.execute("insert into only_in_a(x) values (1)"));
            assertThat(tables(a)).containsExactly("only_in_a");
            assertThat(tables(b)).containsExactly("only_in_b");
        }
    }

    @Test
    void retiredReadersAreReplacedWithEveryPragma() throws Exception {
        try (Database db = Database.builder(SqliteTarget.INSTANCE.freshUrl()).maxPoolSize(4).open()) {
            Map<String, String> expected = Map.of("journal_mode", "wal", "synchronous", "1", "foreign_keys", "1",
                    "busy_timeout", "5000");
            SqlitePragmaCheck.assertEveryConnection(db, 4, expected);
            assertThat(connector(db).retireIdleReaders()).isEqualTo(4);
            SqlitePragmaCheck.assertEveryConnection(db, 4, expected);
        }
    }

    private static List<String> tables(Database db) {
        return db.inTransaction(s -> s.handle().createQuery("select name from sqlite_master where type = 'table'")
                .mapTo(String.class).list());
    }

    /** The running connector of a database: Database.connector() is package-private in io.dataport. */
    private static SqliteConnector connector(Database db) throws Exception {
        Method m = Database.class.getDeclaredMethod("connector");
        m.setAccessible(true);
        return (SqliteConnector) m.invoke(db);
    }

    interface Work {
        void run(int thread) throws Exception;
    }

    private static void runConcurrently(int threads, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    work.run(thread);
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
