package io.dataport.examples;

import io.dataport.Database;

import java.util.List;

/**
 * The quick start: opens the database named by {@code DATABASE_URL} (default: the SQLite file
 * {@code quickstart.db}), creates a table, and creates, reads, updates and deletes a few rows.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -Pquickstart package                                  # SQLite
 * DATABASE_URL=postgresql://postgres@localhost:5432/postgres mvn -B -q -DskipTests -Pquickstart package
 * }</pre>
 */
public final class QuickStart {
    private QuickStart() {
    }

    public static void main(String[] args) {
        String url = Examples.databaseUrl("sqlite:quickstart.db");
        try (Database db = Database.open(url)) {
            System.out.println("Opened " + db + " (backend: " + db.backend() + ", ping " + db.ping().toMillis() + " ms)");
            db.useTransaction(s -> {
                s.execute("create table if not exists greeting (id integer primary key, text varchar(100) not null)");
                s.execute("delete from greeting");
            });
            db.useTransaction(s -> {
                s.execute("insert into greeting(id, text) values (?, ?)", 1, "hello");
                s.execute("insert into greeting(id, text) values (?, ?)", 2, "bonjour");
                s.execute("insert into greeting(id, text) values (?, ?)", 3, "hallo");
            });
            System.out.println("Created 3 rows: " + texts(db));
            int updated = db.inTransaction(s -> s.execute("update greeting set text = ? where id = ?", "hello, world", 1));
            System.out.println("Updated " + updated + " row: " + texts(db));
            int deleted = db.inTransaction(s -> s.execute("delete from greeting where id = ?", 3));
            System.out.println("Deleted " + deleted + " row: " + texts(db));
        }
    }

    private static List<String> texts(Database db) {
        return db.inReadOnlyTransaction(s -> s.handle()
                .createQuery("select text from greeting order by id").mapTo(String.class).list());
    }
}
