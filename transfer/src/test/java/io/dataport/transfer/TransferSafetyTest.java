package io.dataport.transfer;

import io.dataport.Database;
import io.dataport.mysql.MysqlTarget;
import io.dataport.postgres.PostgresTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The hostile cases: a value that does not fit, a target that has rows, a transfer interrupted half-way. */
class TransferSafetyTest {
    @TempDir
    Path dir;

    private String source(int customers, int orders) {
        Path file = dir.resolve("source.sqlite");
        TransferSupport.generate(file, customers, orders);
        return "sqlite:" + file;
    }

    private static void sqlite(String url, String sql) {
        try (Database db = Database.open(url)) {
            db.useTransaction(s -> s.execute(sql));
        }
    }

    private static boolean hasTable(String url, String table) {
        try (Database db = Database.open(url)) {
            String sql = db.backend().equals("sqlite")
                    ? "select count(*) from sqlite_master where type = 'table' and name = '" + table + "'"
                    : "select count(*) from information_schema.tables where table_schema = "
                    + (db.backend().equals("mysql") ? "database()" : "current_schema()") + " and table_name = '"
                    + table + "'";
            return db.inReadOnlyTransaction(s -> s.handle().createQuery(sql).mapTo(int.class).one()) > 0;
        }
    }

    private static long count(String url, String table) {
        try (Database db = Database.open(url)) {
            return TransferSupport.count(db, table);
        }
    }

    @Test
    void textInAnIntegerColumnStopsNamingTableRowAndColumnButNotTheValue() {
        String src = source(200, 500);
        sqlite(src, "update orders set quantity = 'a dozen' where id = 7");
        String pg = PostgresTarget.INSTANCE.freshUrl();

        TransferException e = catchThrowableOfType(TransferException.class, () -> Transfer.from(src).to(pg).run());

        assertThat(e).isNotNull();
        assertThat(e.table()).isEqualTo("orders");
        assertThat(e.rowKey()).isEqualTo("id=7");
        assertThat(e.column()).isEqualTo("quantity");
        assertThat(e.offendingValue()).isEqualTo("a dozen");
        assertThat(e.getMessage()).contains("\"orders\"", "id=7", "\"quantity\"", "bigint", "is text, not an integer")
                .doesNotContain("a dozen");
        assertThat(hasTable(pg, "customer")).isTrue();
        assertThat(hasTable(pg, "orders")).isFalse();
        assertThat(hasTable(pg, "dataport_transfer_state")).as("marked incomplete").isTrue();
    }

    @Test
    void withARejectFileBadRowsAreReportedAndTheRestCopied() throws Exception {
        String src = source(200, 500);
        sqlite(src, "update orders set quantity = 'a dozen' where id = 7");
        sqlite(src, "update customer set balance = 'n/a' where id = 9");
        String pg = PostgresTarget.INSTANCE.freshUrl();
        Path rejects = dir.resolve("rejects.tsv");
        // customer 9 is rejected, so its orders cannot keep their foreign key: drop them first.
        sqlite(src, "delete from orders where customer_id = 9");
        long orders = count(src, "orders");

        TransferReport report = Transfer.from(src).to(pg).rejectsTo(rejects).run();

        assertThat(report.rejectedRows()).isEqualTo(2);
        assertThat(report.table("orders").copiedRows()).isEqualTo(orders - 1);
        assertThat(report.table("customer").copiedRows()).isEqualTo(199);
        assertThat(count(pg, "orders")).isEqualTo(orders - 1);
        List<String> lines = Files.readAllLines(rejects, StandardCharsets.UTF_8);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("table\trow\tcolumn\ttarget_type\tproblem\tvalue");
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("orders\tid=7\tquantity\tbigint\t").endsWith("\ta dozen"));
        assertThat(lines).anySatisfy(l -> assertThat(l).startsWith("customer\tid=9\tbalance\tnumeric(10,2)\t").endsWith("\tn/a"));
        assertThat(hasTable(pg, "dataport_transfer_state")).isFalse();
    }

    @Test
    void aDecimalThatWouldBeRoundedIsRejectedNotChanged() {
        String src = source(20, 0);
        sqlite(src, "update customer set balance = 1.005 where id = 3");
        String pg = PostgresTarget.INSTANCE.freshUrl();

        TransferException e = catchThrowableOfType(TransferException.class, () -> Transfer.from(src).to(pg).run());

        assertThat(e.column()).isEqualTo("balance");
        assertThat(e.getMessage()).contains("id=3", "more decimal places than numeric(10,2)");
    }

    @Test
    void refusesTargetTablesWithRowsUnlessToldToReplaceOrAppend() {
        String src = source(100, 300);
        String pg = PostgresTarget.INSTANCE.freshUrl();
        Transfer.from(src).to(pg).run();
        try (Database db = Database.open(pg)) {
            db.useTransaction(s -> s.execute("delete from orders where id > 100"));
        }

        assertThatThrownBy(() -> Transfer.from(src).to(pg).run())
                .isInstanceOf(TransferException.class)
                .hasMessageContaining("Target tables already have rows: \"customer\" (100 rows), \"orders\" (100 rows)")
                .hasMessageContaining("Nothing was written");
        assertThat(count(pg, "orders")).isEqualTo(100);
        assertThat(hasTable(pg, "dataport_transfer_state")).isFalse();

        TransferReport replaced = Transfer.from(src).to(pg).mode(TransferMode.REPLACE).run();
        assertThat(replaced.table("orders").targetRows()).isEqualTo(300);
        assertThat(count(pg, "orders")).isEqualTo(300);
    }

    @Test
    void appendAddsRowsAndTheIdentityContinues(@TempDir Path other) {
        String first = "sqlite:" + other.resolve("first.sqlite");
        String second = "sqlite:" + other.resolve("second.sqlite");
        sqlite(first, "create table note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        sqlite(first, "insert into note (id, body) values (1, 'one'), (2, 'two')");
        sqlite(second, "create table note (id INTEGER PRIMARY KEY, body TEXT NOT NULL)");
        sqlite(second, "insert into note (id, body) values (10, 'ten'), (11, 'eleven')");
        String pg = PostgresTarget.INSTANCE.freshUrl();
        Transfer.from(first).to(pg).run();

        TransferReport report = Transfer.from(second).to(pg).mode(TransferMode.APPEND).run();

        assertThat(report.table("note").copiedRows()).isEqualTo(2);
        assertThat(report.table("note").targetRows()).isEqualTo(4);
        try (Database db = Database.open(pg)) {
            long id = db.inTransaction(s -> s.handle().createUpdate("insert into note (body) values ('next')")
                    .executeAndReturnGeneratedKeys("id").mapTo(long.class).one());
            assertThat(id).isEqualTo(12L);
        }
    }

    /** On MySQL, whose DDL commits, the interrupted table is dropped again rather than rolled back. */
    @ParameterizedTest
    @ValueSource(strings = {"postgres", "sqlite", "mysql"})
    void anInterruptedTransferLeavesFinishedTablesAndARerunCompletesIt(String backend) {
        String src = source(3_000, 20_000);
        String target = backend.equals("postgres") ? PostgresTarget.INSTANCE.freshUrl()
                : backend.equals("mysql") ? MysqlTarget.INSTANCE.freshUrl()
                : "sqlite:" + dir.resolve("target.sqlite");
        TransferListener crash = new TransferListener() {
            @Override
            public void rowsCopied(String table, long done, long rows, long totalDone, long total) {
                if (table.equals("orders") && done >= 5_000) {
                    throw new IllegalStateException("simulated crash");
                }
            }
        };

        assertThatThrownBy(() -> Transfer.from(src).to(target).batchSize(1_000).run(crash))
                .hasMessage("simulated crash");
        assertThat(hasTable(target, "dataport_transfer_state")).as("marked incomplete").isTrue();
        assertThat(count(target, "customer")).isEqualTo(3_000);
        assertThat(hasTable(target, "orders")).as("the interrupted table is rolled back").isFalse();

        TransferReport rerun = Transfer.from(src).to(target).run();

        assertThat(rerun.table("customer").resumed()).isTrue();
        assertThat(rerun.table("orders").resumed()).isFalse();
        assertThat(rerun.table("orders").targetChecksum()).isEqualTo(rerun.table("orders").sourceChecksum());
        assertThat(count(target, "orders")).isEqualTo(20_000);
        assertThat(hasTable(target, "dataport_transfer_state")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"postgres", "sqlite"})
    void aKilledTransferLeavesFinishedTablesAndARerunCompletesIt(String backend) throws Exception {
        String src = source(3_000, 20_000);
        String target = backend.equals("postgres") ? PostgresTarget.INSTANCE.freshUrl()
                : "sqlite:" + dir.resolve("target.sqlite");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), KilledTransferMain.class.getName(), src, target)
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (java.io.BufferedReader out = new java.io.BufferedReader(
                new java.io.InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            List<String> lines = new java.util.ArrayList<>();
            String line;
            while ((line = out.readLine()) != null && !line.equals("halfway")) {
                lines.add(line);
            }
            assertThat(line).as("child output " + lines).isEqualTo("halfway");
            assertThat(lines).containsExactly("finished customer");
        } finally {
            child.destroyForcibly();
            assertThat(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        }

        assertThat(hasTable(target, "dataport_transfer_state")).as("marked incomplete").isTrue();
        assertThat(count(target, "customer")).isEqualTo(3_000);
        assertThat(hasTable(target, "orders")).as("the killed table's transaction is gone").isFalse();

        TransferReport rerun = Transfer.from(src).to(target).run();

        assertThat(rerun.table("customer").resumed()).isTrue();
        assertThat(rerun.table("orders").targetChecksum()).isEqualTo(rerun.table("orders").sourceChecksum());
        assertThat(count(target, "orders")).isEqualTo(20_000);
        assertThat(hasTable(target, "dataport_transfer_state")).isFalse();
    }
}
