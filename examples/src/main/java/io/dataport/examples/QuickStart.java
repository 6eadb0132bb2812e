package io.dataport.examples;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;

import java.util.List;

/**
 * The quick start: opens the database named by {@code DATABASE_URL} (default: the SQLite file
 * {@code quickstart.db}), creates the table of an entity, and creates, reads, updates and deletes a few rows
 * through its {@link CrudRepository}.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -Pquickstart package                                  # SQLite
 * DATABASE_URL=postgresql://postgres@localhost:5432/postgres mvn -B -q -DskipTests -Pquickstart package
 * }</pre>
 */
public final class QuickStart {
    private QuickStart() {
    }

    /** A row of the {@code greeting} table: the id is generated on insert. */
    @Table("greeting")
    public record Greeting(@Id Long id, @Column(length = 100) String text) {
    }

    public static void main(String[] args) {
        String url = Examples.databaseUrl("sqlite:quickstart.db");
        try (Database db = Database.open(url)) {
            System.out.println("Opened " + db + " (backend: " + db.backend() + ", ping " + db.ping().toMillis() + " ms)");
            db.schema().create(Greeting.class);
            CrudRepository<Greeting, Long> greetings = db.repository(Greeting.class);
            greetings.deleteAll();

            List<Greeting> created = greetings.insertAll(List.of(
                    new Greeting(null, "hello"), new Greeting(null, "bonjour"), new Greeting(null, "hallo")));
            System.out.println("Created " + created.size() + " rows: " + texts(greetings));

            Greeting first = greetings.findById(created.get(0).id()).orElseThrow();
            System.out.println("Found " + first);

            greetings.update(new Greeting(first.id(), "hello, world"));
            System.out.println("Updated 1 row: " + texts(greetings));

            boolean deleted = greetings.deleteById(created.get(2).id());
            System.out.println("Deleted " + (deleted ? 1 : 0) + " row: " + texts(greetings));
            System.out.println(greetings.count() + " rows left in " + db.backend());
        }
    }

    private static List<String> texts(CrudRepository<Greeting, Long> greetings) {
        return greetings.findAll().stream().map(Greeting::text).toList();
    }
}
