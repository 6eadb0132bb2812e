package io.dataport.examples;

import io.dataport.AsyncDatabase;
import io.dataport.Condition;
import io.dataport.Database;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The async API: records 500 page views at once, each in a transaction of its own on the database's threads,
 * then runs two reports side by side and combines them, under a deadline that would cancel them (their
 * statements too) when late. On the database named by {@code DATABASE_URL} (default: the SQLite file
 * {@code async-example.db}).
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -Pasync package
 * DATABASE_URL=postgresql://postgres@localhost:5432/postgres mvn -B -q -DskipTests -Pasync package
 * }</pre>
 */
public final class AsyncExample {
    private AsyncExample() {
    }

    /** One page view: the id is generated on insert. */
    @Table("page_view")
    public record PageView(@Id Long id, @Column(length = 200) String path, Instant at) {
    }

    public static void main(String[] args) {
        try (Database db = Database.open(Examples.databaseUrl("sqlite:async-example.db"))) {
            run(db, System.out);
        }
    }

    /** The example's work on {@code db}, printing what it found to {@code out}. */
    static void run(Database db, PrintStream out) {
        db.schema().create(PageView.class);
        db.repository(PageView.class).deleteAll();
        AsyncDatabase async = db.async();
        out.println("Async on " + db.backend() + ": " + async.threads() + " threads, up to " + async.queueCapacity()
                + " waiting");

        List<CompletableFuture<PageView>> views = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            PageView view = new PageView(null, "/page/" + (i % 5), Instant.now());
            views.add(async.inTransaction(s -> s.repository(PageView.class).insert(view)));
        }
        CompletableFuture.allOf(views.toArray(new CompletableFuture<?>[0])).join();
        out.println("Recorded " + views.size() + " page views");

        CompletableFuture<Long> all = async.inReadOnlyTransaction(s -> s.repository(PageView.class).count());
        CompletableFuture<Long> home = async.inReadOnlyTransaction(s -> s.repository(PageView.class)
                .count(Condition.where("path").eq("/page/0")));
        String report = all.thenCombine(home, (a, h) -> h + " of " + a + " views were of /page/0")
                .orTimeout(30, TimeUnit.SECONDS)
                .join();
        out.println(report);
    }
}
