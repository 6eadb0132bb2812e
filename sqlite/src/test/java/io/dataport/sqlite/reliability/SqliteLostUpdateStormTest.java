package io.dataport.sqlite.reliability;

import io.dataport.Database;
import io.dataport.contract.ChildJvm;
import io.dataport.contract.Reliability;
import io.dataport.sqlite.SqliteTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Scenario 1: read-modify-write storm from many threads of this JVM and of a child JVM on the same file. */
@Tag(Reliability.TAG)
class SqliteLostUpdateStormTest {

    @Test
    void sixteenThreadsHereAndSixteenInAnotherProcessLoseNoUpdate() throws Exception {
        int threads = 16;
        int perThread = Reliability.size("storm.perThread", 1000, 1000);
        String url = SqliteTarget.INSTANCE.freshUrl();
        try (Database db = Database.open(url)) {
            db.useTransaction(s -> {
                s.execute("create table counter (id integer primary key, n integer not null)");
                s.execute("insert into counter(id, n) values (1, 0)");
            });
        }
        long start = System.nanoTime();
        List<Throwable> errors;
        long retries;
        String childErrors;
        String childRetries;
        try (Database db = Database.open(url);
             ChildJvm child = ChildJvm.start(CounterStorm.class, url, Integer.toString(threads),
                     Integer.toString(perThread))) {
            child.awaitLine("READY", Duration.ofSeconds(60));
            child.send("GO");
            start = System.nanoTime();
            errors = CounterStorm.run(db, threads, perThread);
            retries = db.retryCount();
            assertThat(child.waitFor(Duration.ofMinutes(10))).as("child exit code; stderr: %s", child.stderr())
                    .isZero();
            childErrors = line(child, "ERRORS ");
            childRetries = line(child, "RETRIES ");
            int n = db.inTransaction(s -> s.handle().createQuery("select n from counter").mapTo(int.class).one());
            assertThat(errors).as("errors in this JVM").isEmpty();
            assertThat(childErrors).as("errors in the child JVM; stderr: %s", child.stderr()).isEqualTo("0");
            assertThat(n).isEqualTo(2 * threads * perThread);
        }
        Reliability.figures("1 sqlite lost-update storm", "transactions=%d (2 JVMs x %d threads x %d), errors=0, "
                        + "retries here=%d, retries in child=%s, elapsed=%d ms", 2 * threads * perThread, threads,
                perThread, retries, childRetries, (System.nanoTime() - start) / 1_000_000);
    }

    private static String line(ChildJvm child, String prefix) {
        return child.stdout().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()))
                .findFirst().orElse("(missing)");
    }
}
