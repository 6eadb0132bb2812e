package io.dataport.transfer;

import io.dataport.Database;
import io.dataport.mysql.MysqlTarget;
import io.dataport.postgres.PostgresTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A generated database with every mapped type, NULLs, Unicode and blobs: there and back, verified. */
class GeneratedTransferTest {
    @Test
    void everyTypeSurvivesTheRoundTrip(@TempDir Path dir) {
        Path file = dir.resolve("gen.sqlite");
        TransferSupport.generate(file, 10_000, 40_000);
        String src = "sqlite:" + file;
        String pg = PostgresTarget.INSTANCE.freshUrl();
        String back = "sqlite:" + dir.resolve("back.sqlite");

        TransferReport there = Transfer.from(src).to(pg).run();
        TransferReport again = Transfer.from(pg).to(back).run();

        for (String table : List.of("customer", "orders")) {
            assertThat(there.table(table).targetChecksum()).isEqualTo(there.table(table).sourceChecksum());
            assertThat(again.table(table).sourceChecksum()).isEqualTo(there.table(table).sourceChecksum());
            assertThat(again.table(table).targetChecksum()).isEqualTo(there.table(table).sourceChecksum());
        }
        assertThat(there.rowsCopied()).isEqualTo(50_000);
        try (Database p = Database.open(pg); Database s = Database.open(back); Database o = Database.open(src)) {
            String types = "select column_name || ' ' || data_type from information_schema.columns"
                    + " where table_schema = current_schema() and table_name = 'customer' order by ordinal_position";
            assertThat(TransferSupport.rows(p, types)).extracting(r -> r.get(0)).containsExactly("id bigint",
                    "name character varying", "email character varying", "balance numeric",
                    "created timestamp without time zone", "birthday date", "active boolean",
                    "score double precision", "photo bytea", "notes text");
            String sample = "select id, name, email, balance, created, birthday, active, score, notes from customer"
                    + " where id in (1, 7, 9, 10, 33) order by id";
            assertThat(TransferSupport.rows(s, sample)).isEqualTo(TransferSupport.rows(o, sample));
            String blobs = "select hex(photo) from customer where photo is not null order by id limit 5";
            assertThat(TransferSupport.rows(s, blobs)).isEqualTo(TransferSupport.rows(o, blobs));
        }
    }

    @Test
    void everyTypeSurvivesTheRoundTripThroughMysql(@TempDir Path dir) {
        Path file = dir.resolve("gen.sqlite");
        TransferSupport.generate(file, 2_000, 8_000);
        String src = "sqlite:" + file;
        String mysql = MysqlTarget.INSTANCE.freshUrl();
        String back = "sqlite:" + dir.resolve("back.sqlite");

        TransferReport there = Transfer.from(src).to(mysql).run();
        TransferReport again = Transfer.from(mysql).to(back).run();

        for (String table : List.of("customer", "orders")) {
            assertThat(there.table(table).targetChecksum()).isEqualTo(there.table(table).sourceChecksum());
            assertThat(again.table(table).sourceChecksum()).isEqualTo(there.table(table).sourceChecksum());
            assertThat(again.table(table).targetChecksum()).isEqualTo(there.table(table).sourceChecksum());
        }
        assertThat(there.rowsCopied()).isEqualTo(10_000);
        try (Database m = Database.open(mysql); Database s = Database.open(back); Database o = Database.open(src)) {
            String types = "select column_name, column_type from information_schema.columns"
                    + " where table_schema = database() and table_name = 'customer' order by ordinal_position";
            assertThat(TransferSupport.rows(m, types)).extracting(r -> r.get(0) + " " + r.get(1)).containsExactly(
                    "id bigint(20)", "name varchar(40)", "email varchar(80)", "balance decimal(10,2)",
                    "created datetime(6)", "birthday date", "active tinyint(1)", "score double", "photo longblob",
                    "notes longtext");
            String sample = "select id, name, email, balance, created, birthday, active, score, notes from customer"
                    + " where id in (1, 7, 9, 10, 33) order by id";
            assertThat(TransferSupport.rows(s, sample)).isEqualTo(TransferSupport.rows(o, sample));
            // Booleans and timestamps come back typed from MySQL; the checksums above compare them exactly.
            String plain = "select id, name, email, balance, birthday, score, notes from customer"
                    + " where id in (1, 7, 9, 10, 33) order by id";
            assertThat(TransferSupport.rows(m, plain)).isEqualTo(TransferSupport.rows(o, plain));
        }
    }
}
