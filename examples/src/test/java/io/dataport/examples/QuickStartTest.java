package io.dataport.examples;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class QuickStartTest {
    @Test
    void runsOnTheSqliteDefault() {
        PrintStream original = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            QuickStart.main(new String[0]);
        } finally {
            System.setOut(original);
        }
        String printed = out.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("backend: ").contains("Created 3 rows: [hello, bonjour, hallo]")
                .contains("text=hello]").contains("Updated 1 row: [hello, world, bonjour, hallo]")
                .contains("Deleted 1 row: [hello, world, bonjour]").contains("2 rows left in ");
    }
}
