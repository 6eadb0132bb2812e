package io.dataport.examples;

import io.dataport.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TransferToolTest {
    @Test
    void copiesAndPrintsAVerifiedSummary(@TempDir Path dir) {
        String from = "sqlite:" + dir.resolve("from.db");
        String to = "sqlite:" + dir.resolve("to.db");
        try (Database db = Database.open(from)) {
            db.useTransaction(s -> {
                s.execute("create table note (id INTEGER PRIMARY KEY, body NVARCHAR(40) NOT NULL)");
                s.execute("insert into note (body) values ('one'), ('two'), ('three')");
            });
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = TransferTool.run(new String[] {"--from", from, "--to", to}, print(out), print(err));

        assertThat(status).as(err.toString(StandardCharsets.UTF_8)).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("note\\s+3\\s+3\\s+0\\s+[0-9a-f]{32} yes");
        int again = TransferTool.run(new String[] {"--from", from, "--to", to}, print(out), print(err));
        assertThat(again).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("already have rows", "--replace");
    }

    @Test
    void badArgumentsShowTheUsage() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertThat(TransferTool.run(new String[] {"--from", "sqlite:x.db"}, print(new ByteArrayOutputStream()),
                print(err))).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--to are required", TransferTool.USAGE);
    }

    private static PrintStream print(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }
}
