package io.dataport.examples;

import io.dataport.Database;
import io.dataport.test.DataportTest;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The async example, on every backend: all 500 views recorded, the combined report right. */
@DataportTest
class AsyncExampleTest {
    @Test
    void recordsEveryViewAndCombinesTheReports(Database db) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        AsyncExample.run(db, new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("Recorded 500 page views")
                .contains("100 of 500 views were of /page/0");
        assertThat(db.repository(AsyncExample.PageView.class).count()).isEqualTo(500);
    }
}
