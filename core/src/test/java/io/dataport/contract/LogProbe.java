package io.dataport.contract;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.mapping.Id;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * The child JVM of {@link LoggingContract}: {@code LogProbe URL SECRET} runs one of each kind of work, each
 * step between {@code STEP name} and {@code END name statements=N} lines on standard output (N: the statements
 * the step ran, as the statement listener counted them), while SLF4J's simple logger writes Dataport's log to
 * standard error. {@code SECRET} is bound as a value and must appear in no log line.
 */
public final class LogProbe {
    /** The logged entity. */
    public record LogItem(@Id Long id, String name) {
    }

    private LogProbe() {
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String secret = args[1];
        LongAdder statements = new LongAdder();
        try (Database db = Database.builder(url).statementListener(sql -> statements.increment()).open()) {
            CrudRepository<LogItem, Long> items = db.repository(LogItem.class);
            step("ddl", statements, () -> {
                db.schema().create(LogItem.class);
                return null;
            });
            LogItem first = step("insert", statements, () -> items.insert(new LogItem(null, secret)));
            step("batch", statements, () -> items.insertAll(List.of(new LogItem(null, "b1"), new LogItem(null, "b2"),
                    new LogItem(null, "b3"))));
            step("find", statements, () -> items.findById(first.id()).orElseThrow());
            step("update", statements, () -> items.update(new LogItem(first.id(), "renamed")));
            step("stream", statements, () -> {
                try (Stream<LogItem> s = items.stream()) {
                    return s.count();
                }
            });
            step("jdbi", statements, () -> db.inTransaction(s -> s.handle()
                    .createQuery("select count(*) from log_item where name <> :name").bind("name", secret)
                    .mapTo(int.class).one()));
            step("delete", statements, () -> items.deleteById(first.id()));
            step("rollback", statements, () -> {
                try {
                    db.useTransaction(s -> {
                        s.execute("insert into log_item(name) values (?)", "never");
                        throw new IllegalStateException("the callback fails");
                    });
                } catch (IllegalStateException expected) {
                    // logged as a rollback
                }
                return null;
            });
            AtomicInteger attempts = new AtomicInteger();
            step("retry", statements, () -> {
                db.useTransaction(s -> {
                    if (attempts.incrementAndGet() == 1) {
                        throw new IllegalStateException(new SQLException("could not serialize access", "40001"));
                    }
                });
                return null;
            });
        }
        System.out.println("DONE");
    }

    /** A unit of the probe's work. */
    @FunctionalInterface
    interface Work<R> {
        R run() throws Exception;
    }

    private static <R> R step(String name, LongAdder statements, Work<R> work) throws Exception {
        System.out.println("STEP " + name);
        System.out.flush();
        long before = statements.sum();
        R result = work.run();
        System.err.flush();
        System.out.println("END " + name + " statements=" + (statements.sum() - before));
        System.out.flush();
        return result;
    }
}
