package io.dataport.mysql;

import io.dataport.Database;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A read-only transaction that reads no InnoDB table (information_schema, {@code SELECT 1}) never starts one on
 * the server, so the driver sends no COMMIT: its READ ONLY must not stay on the connection for the next
 * transaction, a write.
 */
class MysqlReadOnlyTransactionTest {
    @Test
    void aReadOnlyTransactionWithoutTablesLeavesTheNextWriteReadWrite() {
        try (Database db = Database.builder(MysqlTarget.INSTANCE.freshUrl()).maxPoolSize(1).open()) {
            db.useSession(s -> s.execute("CREATE TABLE t (id INTEGER PRIMARY KEY)"));
            int one = db.inReadOnlyTransaction(s -> s.handle().createQuery("SELECT 1").mapTo(int.class).one());
            assertThat(one).isEqualTo(1);
            db.useTransaction(s -> s.execute("INSERT INTO t (id) VALUES (1)"));
            int rows = db.inReadOnlyTransaction(s -> s.handle().createQuery("SELECT count(*) FROM t")
                    .mapTo(int.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }
}
