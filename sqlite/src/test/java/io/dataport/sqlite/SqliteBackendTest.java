package io.dataport.sqlite;

import io.dataport.ConfigurationException;
import io.dataport.Database;
import io.dataport.ReadOnlyException;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite-only behaviour: URL forms, files, pragmas, the in-memory database. */
class SqliteBackendTest {
    private final Path dir = SqliteTarget.INSTANCE.dir();

    @Test
    void acceptsAllUrlForms() {
        Path file = dir.resolve("forms.db");
        try (Database a = Database.open("sqlite:" + file)) {
            a.useTransaction(s -> s.execute("create table t (x integer)"));
        }
        try (Database b = Database.open("jdbc:sqlite:" + file)) {
            b.useTransaction(s -> s.execute("insert into t(x) values (1)"));
            assertThat(b.backend()).isEqualTo("sqlite");
        }
        try (Database c = Database.open("sqlite::memory:")) {
            assertThat(c.backend()).isEqualTo("sqlite");
        }
    }

    @Test
    void missingDirectoryIsNamed() {
        assertThatThrownBy(() -> Database.open("sqlite:" + dir.resolve("no/such/dir/app.db")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("directory does not exist").hasMessageContaining("no/such/dir");
    }

    @Test
    void fileThatIsNotADatabaseIsRejectedAtOpen() throws Exception {
        Path file = dir.resolve("not-a-db.txt");
        Files.writeString(file, "this is plain text, not a SQLite database file ".repeat(100));
        assertThatThrownBy(() -> Database.open("sqlite:" + file))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("not a SQLite database");
        assertThat(Files.readString(file)).startsWith("this is plain text").as("the file is left as it was");
    }

    @Test
    void unknownOrInvalidSettingsAreRejected() {
        assertThatThrownBy(() -> Database.open("sqlite:" + dir.resolve("x.db") + "?synchronus=FULL"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown SQLite setting 'synchronus'");
        assertThatThrownBy(() -> Database.open("sqlite:" + dir.resolve("x.db") + "?synchronous=SOMETIMES"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("OFF, NORMAL, FULL, EXTRA");
        assertThatThrownBy(() -> Database.builder("sqlite::memory:").readOnly(true).open())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("in-memory");
        assertThatThrownBy(() -> Database.builder("sqlite:" + dir.resolve("absent.db")).readOnly(true).open())
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not exist");
    }

    @Test
    void pragmasHoldOnWriterAndEveryReader() throws Exception {
        try (Database db = Database.builder(SqliteTarget.INSTANCE.freshUrl()).property("synchronous", "FULL").open()) {
            Map<String, Object> writer = pragmas(db, false);
            assertThat(writer).containsEntry("journal_mode", "wal").containsEntry("synchronous", 2)
                    .containsEntry("foreign_keys", 1).containsEntry("busy_timeout", 5000);
            // Hold readers open at once so the pool must open several connections.
            int readers = 3;
            java.util.concurrent.CountDownLatch all = new java.util.concurrent.CountDownLatch(readers);
            java.util.concurrent.ConcurrentLinkedQueue<Map<String, Object>> seen = new java.util.concurrent.ConcurrentLinkedQueue<>();
            List<Thread> threads = new java.util.ArrayList<>();
            for (int i = 0; i < readers; i++) {
                Thread t = new Thread(() -> {
                    try {
                        db.useReadOnlyTransaction(s -> {
                            all.countDown();
                            all.await();
                            seen.add(pragmas(s.handle()));
                        });
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                });
                threads.add(t);
                t.start();
            }
            for (Thread t : threads) {
                t.join();
            }
            assertThat(seen).hasSize(readers).allSatisfy(p -> assertThat(p)
                    .containsEntry("journal_mode", "wal").containsEntry("synchronous", 2)
                    .containsEntry("foreign_keys", 1).containsEntry("busy_timeout", 5000));
        }
    }

    @Test
    void inMemoryDatabaseIsSharedBySessionsAndGoneWhenClosed() {
        try (Database db = Database.open("sqlite::memory:")) {
            db.useTransaction(s -> s.execute("create table t (x integer)"));
            db.useTransaction(s -> s.execute("insert into t(x) values (1)"));
            int n = db.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from t").mapTo(int.class).one());
            assertThat(n).isEqualTo(1);
            assertThatThrownBy(() -> db.useReadOnlyTransaction(s -> s.execute("insert into t(x) values (2)")))
                    .isInstanceOf(ReadOnlyException.class);
            db.useTransaction(s -> s.execute("insert into t(x) values (3)"));
        }
        try (Database other = Database.open("sqlite::memory:")) {
            assertThatThrownBy(() -> other.useTransaction(s -> s.execute("insert into t(x) values (1)")))
                    .hasMessageContaining("no such table");
        }
    }

    @Test
    void writerIsNotTakenTwiceByOneThread() {
        try (Database db = Database.open(SqliteTarget.INSTANCE.freshUrl())) {
            db.useTransaction(s -> assertThatThrownBy(() -> db.jdbi().open())
                    .hasMessageContaining("already holds the SQLite write connection"));
        }
    }

    private static Map<String, Object> pragmas(Database db, boolean readOnly) {
        return readOnly ? db.inReadOnlyTransaction(s -> pragmas(s.handle())) : db.withSession(s -> pragmas(s.handle()));
    }

    private static Map<String, Object> pragmas(org.jdbi.v3.core.Handle h) {
        return Map.of(
                "journal_mode", h.createQuery("pragma journal_mode").mapTo(String.class).one(),
                "synchronous", h.createQuery("pragma synchronous").mapTo(int.class).one(),
                "foreign_keys", h.createQuery("pragma foreign_keys").mapTo(int.class).one(),
                "busy_timeout", h.createQuery("pragma busy_timeout").mapTo(int.class).one());
    }
}
