package io.dataport.sqlite.reliability;

import io.dataport.Database;
import io.dataport.contract.Reliability;
import io.dataport.sqlite.SqliteTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 7: a long-open {@code stream()} pins its snapshot, so the WAL cannot be checkpointed past it; once
 * the stream and its session are done, the WAL checkpoints completely and truncates, also when the
 * application forgot to close the stream.
 */
@Tag(Reliability.TAG)
class SqliteCheckpointAfterStreamTest {

    @Test
    void walCheckpointsOnceAClosedStreamReleasedItsSnapshot() throws Exception {
        checkpointAfterStream(true);
    }

    @Test
    void walCheckpointsOnceTheSessionOfAnUnclosedStreamEnded() throws Exception {
        checkpointAfterStream(false);
    }

    private void checkpointAfterStream(boolean closeStream) throws Exception {
        String url = SqliteTarget.INSTANCE.freshUrl();
        Path wal = Path.of(url.substring("sqlite:".length()) + "-wal");
        long start = System.nanoTime();
        try (Database db = Database.open(url)) {
            db.useTransaction(s -> {
                s.execute("create table t (id integer primary key, payload text)");
                for (int i = 0; i < 1000; i++) {
                    s.execute("insert into t(id, payload) values (?, ?)", i, "row " + i);
                }
            });
            CountDownLatch streaming = new CountDownLatch(1);
            CountDownLatch written = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<Integer> reader = pool.submit(() -> db.inReadOnlyTransaction(s -> {
                    Stream<Integer> stream = s.handle().createQuery("select id from t order by id").mapTo(int.class)
                            .stream();
                    Iterator<Integer> it = stream.iterator();
                    int n = 0;
                    while (n < 10 && it.hasNext()) {
                        it.next();
                        n++;
                    }
                    streaming.countDown();
                    written.await(60, TimeUnit.SECONDS);
                    if (closeStream) {
                        while (it.hasNext()) {
                            it.next();
                            n++;
                        }
                        stream.close();
                    }
                    return n;
                }));
                assertThat(streaming.await(30, TimeUnit.SECONDS)).isTrue();
                for (int batch = 0; batch < 50; batch++) {
                    int first = 1000 + batch * 100;
                    db.useTransaction(s -> {
                        for (int i = first; i < first + 100; i++) {
                            s.execute("insert into t(id, payload) values (?, ?)", i, "x".repeat(100));
                        }
                    });
                }
                List<Integer> whileOpen = checkpoint(db, "PASSIVE");
                assertThat(whileOpen.get(2)).as("frames checkpointed while the stream pins its snapshot")
                        .isLessThan(whileOpen.get(1));
                written.countDown();
                int read = reader.get(60, TimeUnit.SECONDS);
                assertThat(read).isEqualTo(closeStream ? 1000 : 10);
            } finally {
                pool.shutdownNow();
            }
            List<Integer> after = checkpoint(db, "TRUNCATE");
            assertThat(after).as("busy, log frames, checkpointed frames").containsExactly(0, 0, 0);
            assertThat(Files.size(wal)).as("WAL size after the checkpoint").isZero();
            Reliability.figures("7 sqlite checkpoint after stream" + (closeStream ? "" : " (stream left open)"),
                    "rows written while streaming=5000, checkpoint after=%s, elapsed=%d ms", after,
                    (System.nanoTime() - start) / 1_000_000);
        }
    }

    private static List<Integer> checkpoint(Database db, String mode) {
        return db.withSession(s -> s.handle().createQuery("PRAGMA wal_checkpoint(" + mode + ")")
                .map((rs, ctx) -> List.of(rs.getInt(1), rs.getInt(2), rs.getInt(3))).one());
    }
}
