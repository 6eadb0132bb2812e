package io.dataport.sqlite.reliability;

import io.dataport.Database;
import io.dataport.Session;

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

/** Reads Dataport's pragmas back on every connection of a SQLite database. */
public final class SqlitePragmaCheck {
    private SqlitePragmaCheck() {
    }

    /** Reads the pragmas on the writer, then on {@code readerCount} readers held open at once (so all are distinct). */
    public static void assertEveryConnection(Database db, int readerCount, Map<String, String> expected) throws Exception {
        db.useTransaction(s -> s.execute("create table if not exists t (x integer)"));
        assertThat(db.inTransaction(SqlitePragmaCheck::pragmas)).as("writer").isEqualTo(expected);
        Set<Connection> readers = ConcurrentHashMap.newKeySet();
        List<Map<String, String>> seen = new ArrayList<>();
        CountDownLatch allHeld = new CountDownLatch(readerCount);
        ExecutorService pool = Executors.newFixedThreadPool(readerCount);
        try {
            List<Future<Map<String, String>>> futures = new ArrayList<>();
            for (int i = 0; i < readerCount; i++) {
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
        assertThat(readers).as("distinct reader connections").hasSize(readerCount);
        assertThat(seen).as("pragmas on each reader").hasSize(readerCount).allSatisfy(p -> assertThat(p).isEqualTo(expected));
    }

    public static Map<String, String> pragmas(Session s) {
        Map<String, String> p = new java.util.TreeMap<>();
        for (String name : List.of("journal_mode", "synchronous", "foreign_keys", "busy_timeout")) {
            p.put(name, String.valueOf(s.handle().createQuery("PRAGMA " + name).mapTo(String.class).one())
                    .toLowerCase(java.util.Locale.ROOT));
        }
        return p;
    }
}
