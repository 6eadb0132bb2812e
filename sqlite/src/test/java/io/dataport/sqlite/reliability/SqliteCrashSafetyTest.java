package io.dataport.sqlite.reliability;

import io.dataport.Database;
import io.dataport.contract.ChildJvm;
import io.dataport.contract.Reliability;
import io.dataport.sqlite.SqliteTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 5: a child JVM commits three-row transactions in a loop and prints each committed batch id; it is
 * killed (SIGKILL) at random moments. After each kill the file passes {@code PRAGMA integrity_check}, holds
 * every printed batch, and holds no batch partly.
 */
@Tag(Reliability.TAG)
class SqliteCrashSafetyTest {

    @Test
    void killedMidCommitLosesNothingCommittedAndLeavesNoHalfTransaction() throws Exception {
        int kills = Reliability.size("crash.kills", 30, 30);
        long seed = Long.getLong("dataport.reliability.seed", System.nanoTime());
        Random random = new Random(seed);
        String url = SqliteTarget.INSTANCE.freshUrl();
        try (Database db = Database.open(url)) {
            db.useTransaction(s -> s.execute("create table batch_row (batch integer not null, part integer not null, "
                    + "payload text not null, primary key (batch, part))"));
        }
        long start = System.nanoTime();
        Set<Long> printed = new HashSet<>();
        long rowsAtEnd = 0;
        for (int round = 0; round < kills; round++) {
            long firstId = round * 1_000_000L;
            int killAfter = 1 + random.nextInt(300);
            try (ChildJvm child = ChildJvm.start(CommitLoop.class, url, Long.toString(firstId))) {
                for (int seen = 0; seen < killAfter; seen++) {
                    assertThat(child.nextLine(Duration.ofSeconds(60))).as("child output; stderr: %s", child.stderr())
                            .isNotNull();
                }
                child.kill();
                // The last line may be cut mid-number by the kill: only whole lines followed by another count.
                List<String> lines = child.stdout();
                printed.addAll(lines.subList(0, Math.max(0, lines.size() - 1)).stream().map(Long::parseLong)
                        .collect(Collectors.toList()));
            }
            try (Database db = Database.open(url)) {
                List<String> integrity = db.inTransaction(s -> s.handle().createQuery("PRAGMA integrity_check")
                        .mapTo(String.class).list());
                assertThat(integrity).as("integrity after kill %d (seed %d)", round, seed).containsExactly("ok");
                Set<Long> present = new HashSet<>(db.inTransaction(s -> s.handle()
                        .createQuery("select distinct batch from batch_row").mapTo(long.class).list()));
                assertThat(present).as("every printed batch is there after kill %d (seed %d)", round, seed)
                        .containsAll(printed);
                List<Long> partial = db.inTransaction(s -> s.handle().createQuery("select batch from batch_row "
                        + "group by batch having count(*) <> 3").mapTo(long.class).list());
                assertThat(partial).as("half-written batches after kill %d (seed %d)", round, seed).isEmpty();
                rowsAtEnd = db.inTransaction(s -> s.handle().createQuery("select count(*) from batch_row")
                        .mapTo(long.class).one());
            }
        }
        Reliability.figures("5 sqlite crash safety", "kills=%d, committed batches printed=%d, rows at end=%d, "
                + "seed=%d, elapsed=%d ms", kills, printed.size(), rowsAtEnd, seed, (System.nanoTime() - start) / 1_000_000);
    }
}
