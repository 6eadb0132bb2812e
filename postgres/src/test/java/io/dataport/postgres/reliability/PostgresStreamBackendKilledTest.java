package io.dataport.postgres.reliability;

import io.dataport.ConnectionException;
import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.contract.Reliability;
import io.dataport.mapping.Id;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The backend of an open repository stream is terminated while the stream is half read: reading on fails
 * with Dataport's {@link ConnectionException}, not a Jdbi or driver exception, and the Database goes on.
 */
@Tag(Reliability.TAG)
class PostgresStreamBackendKilledTest {

    /** The streamed entity. */
    public record Row(@Id Long id, String label) {
    }

    @Test
    void aStreamWhoseBackendIsKilledFailsWithConnectionException() {
        String app = PgFaults.applicationName();
        try (Database admin = PgFaults.admin();
             Database db = Database.open(PgFaults.freshUrl("ApplicationName=" + app))) {
            db.schema().create(Row.class);
            CrudRepository<Row, Long> rows = db.repository(Row.class);
            List<Row> batch = new ArrayList<>();
            // More rows than two of the stream's chunks (5,000 each): the rest must be read after the kill.
            for (int i = 0; i < 12_000; i++) {
                batch.add(new Row(null, "r" + i));
            }
            rows.insertAll(batch);
            try (Stream<Row> stream = rows.stream()) {
                Iterator<Row> it = stream.iterator();
                it.next();
                assertThat(PgFaults.terminate(admin, app)).isPositive();
                Throwable failure = catchThrowable(() -> {
                    while (it.hasNext()) {
                        it.next();
                    }
                });
                assertThat(failure).isInstanceOf(ConnectionException.class);
                Reliability.figures("stream backend killed", "read on failed with %s: %s",
                        failure.getClass().getSimpleName(), failure.getMessage());
            }
            assertThat(rows.count()).as("the next work runs on a new connection").isEqualTo(12_000);
        }
    }
}
