package io.dataport.sqlite.reliability;

import io.dataport.Database;
import io.dataport.Session;
import io.dataport.contract.Reliability;
import io.dataport.sqlite.SqliteTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 3: every pragma Dataport sets is in force on every pooled connection, the writer and each reader. */
@Tag(Reliability.TAG)
class SqlitePragmaTest {
    static final int READERS = 4;

    @Test
    void defaultsHoldOnTheWriterAndEveryReader() throws Exception {
        try (Database db = Database.builder(SqliteTarget.INSTANCE.freshUrl()).maxPoolSize(READERS).open()) {
            assertEveryConnection(db, Map.of("journal_mode", "wal", "synchronous", "1", "foreign_keys", "1",
                    "busy_timeout", "5000"));
        }
    }

    @Test
    void settingsFromTheUrlHoldOnTheWriterAndEveryReader() throws Exception {
        String url = SqliteTarget.INSTANCE.freshUrl() + "?synchronous=FULL&busy_timeout=1234&foreign_keys=OFF";
        try (Database db = Database.builder(url).maxPoolSize(READERS).open()) {
            assertEveryConnection(db, Map.of("journal_mode", "wal", "synchronous", "2", "foreign_keys", "0",
                    "busy_timeout", "1234"));
        }
    }

    /** Reads the pragmas on the writer, then on READERS readers held open at once (so all are distinct). */
    static void assertEveryConnection(Database db, Map<String, String> expected) throws Exception {
        db.useTransaction(s -> s.execute("create table if not exists t (x integer)"));
        assertThat(db.inTransaction(SqlitePragmaTest::pragmas)).as("writer").isEqualTo(expected);
        Set<Connection> readers = ConcurrentHashMap.newKeySet();
        List<Map<String, String>> seen = new ArrayList<>();
        CountDownLatch allHeld = new CountDownLatch(READERS);
        ExecutorService pool = Executors.newFixedThreadPool(READERS);
        try {
            List<Future<Map<String, String>>> futures = new ArrayList<>();
            for (int i = 0; i < READERS; i++) {
                futures.add(pool.submit(() -> db.inReadOnlyTransaction(s -> {
                    readers.add(s.handle().getConnection());
                    Map<String, String> p = pragmas(s);
                    allHeld.countDown();
                    allHeld.await(30, TimeUnit.SECONDS);
                    return p;
                })));
            }
            for (Future<Map<String, String>> f : futures) {
                seen.add(f.get(60, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(readers).as("distinct reader connections").hasSize(READERS);
        assertThat(seen).as("pragmas on each reader").hasSize(READERS).allSatisfy(p -> assertThat(p).isEqualTo(expected));
    }

    static Map<String, String> pragmas(Session s) {
        Map<String, String> p = new java.util.TreeMap<>();
        for (String name : List.of("journal_mode", "synchronous", "foreign_keys", "busy_timeout")) {
            p.put(name, String.valueOf(s.handle().createQuery("PRAGMA " + name).mapTo(String.class).one())
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return p;
    }
}
