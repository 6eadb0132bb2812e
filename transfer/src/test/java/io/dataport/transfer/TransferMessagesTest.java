package io.dataport.transfer;

import io.dataport.Database;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The library's messages name its Java API, never the options of a command-line program built on it. */
class TransferMessagesTest {
    @TempDir
    Path dir;

    private String sqlite(String name, String... statements) {
        String url = "sqlite:" + dir.resolve(name);
        try (Database db = Database.open(url)) {
            db.useTransaction(s -> {
                for (String sql : statements) {
                    s.execute(sql);
                }
            });
        }
        return url;
    }

    @Test
    void aTargetWithRowsNamesTheModesToChooseFrom() {
        String src = sqlite("src.db", "create table note (id INTEGER PRIMARY KEY, body TEXT)",
                "insert into note (body) values ('one')");
        String dst = sqlite("dst.db", "create table note (id INTEGER PRIMARY KEY, body TEXT)",
                "insert into note (body) values ('two')");

        assertThatThrownBy(() -> Transfer.from(src).to(dst).run())
                .isInstanceOf(TransferException.class)
                .hasMessageContaining("mode(TransferMode.REPLACE)")
                .hasMessageContaining("mode(TransferMode.APPEND)")
                .hasMessageNotContaining("--");
    }

    @Test
    void aValueThatDoesNotFitNamesTheRejectReport() {
        String src = sqlite("src.db", "create table note (id INTEGER PRIMARY KEY, n INTEGER)",
                "insert into note (n) values ('many')");

        assertThatThrownBy(() -> Transfer.from(src).to("sqlite:" + dir.resolve("dst.db")).run())
                .isInstanceOf(TransferException.class)
                .hasMessageContaining("rejectsTo(file)")
                .hasMessageNotContaining("--");
    }
}
