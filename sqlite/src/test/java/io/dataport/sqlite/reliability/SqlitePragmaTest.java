package io.dataport.sqlite.reliability;

import io.dataport.Database;
import io.dataport.contract.Reliability;
import io.dataport.sqlite.SqliteTarget;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** Scenario 3: every pragma Dataport sets is in force on every pooled connection, the writer and each reader. */
@Tag(Reliability.TAG)
class SqlitePragmaTest {
    static final int READERS = 4;

    @Test
    void defaultsHoldOnTheWriterAndEveryReader() throws Exception {
        try (Database db = Database.builder(SqliteTarget.INSTANCE.freshUrl()).maxPoolSize(READERS).open()) {
            SqlitePragmaCheck.assertEveryConnection(db, READERS, Map.of("journal_mode", "wal", "synchronous", "1", "foreign_keys", "1",
                    "busy_timeout", "5000"));
        }
    }

    @Test
    void settingsFromTheUrlHoldOnTheWriterAndEveryReader() throws Exception {
        String url = SqliteTarget.INSTANCE.freshUrl() + "?synchronous=FULL&busy_timeout=1234&foreign_keys=OFF";
        try (Database db = Database.builder(url).maxPoolSize(READERS).open()) {
            SqlitePragmaCheck.assertEveryConnection(db, READERS, Map.of("journal_mode", "wal", "synchronous", "2", "foreign_keys", "0",
                    "busy_timeout", "1234"));
        }
    }
}
