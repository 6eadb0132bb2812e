package io.dataport.postgres;

import io.dataport.DataportException;
import io.dataport.Database;
import io.dataport.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No password, raw or percent-encoded, whatever its characters, shows in what a Database renders or throws:
 * {@code toString()}, the config, the closed-database error, a refused setting, a failed connection.
 */
class PostgresPasswordMaskingTest {
    private static final List<String> PASSWORDS = List.of("pa/ss#1", "p@ss?w&rd=2", "sp ace%25:\"q\"3", "h@sh#/?@4",
            "plainSecret5");

    @Test
    void noPasswordShowsInAnyRenderingOrError() throws Exception {
        DatabaseUrl server = DatabaseUrl.parse(PostgresTestServer.url());
        String user = server.user() == null ? "postgres" : server.user();
        String hostPort = server.hosts().isEmpty() ? "localhost:5432" : server.hosts().get(0);
        int deadPort;
        try (ServerSocket s = new ServerSocket(0)) {
            deadPort = s.getLocalPort();
        }
        for (String password : PASSWORDS) {
            for (String written : List.of(password, URLEncoder.encode(password, StandardCharsets.UTF_8)
                    .replace("+", "%20"))) {
                List<String> seen = new ArrayList<>();
                String url = "postgresql://" + user + ":" + written + "@" + hostPort + "/" + server.database();
                Database db;
                try {
                    db = Database.open(url);
                } catch (DataportException e) {
                    seen.add(all(e));
                    db = null;
                }
                if (db != null) {
                    seen.add(db.toString());
                    seen.add(db.config().toString());
                    seen.add(db.config().url().toString());
                    seen.add(db.config().maskedUrl());
                    try {
                        db.ping();
                    } catch (DataportException e) {
                        seen.add(all(e)); // a server that checks passwords refuses this one
                    }
                    db.close();
                    seen.add(db.toString());
                    seen.add(all(catchDataport(db::ping)));
                }
                seen.add(all(catchDataport(() -> Database.open(url + "?maxAttempts=0"))));
                seen.add(all(catchDataport(() -> Database.open(url + "?noSuchSetting=1"))));
                if (written.equals(password)) {
                    // A failed connection (each waits the connection timeout): once per password.
                    String dead = "postgresql://" + user + ":" + written + "@127.0.0.1:" + deadPort + "/db";
                    try (Database down = Database.builder(dead).connectionTimeout(Duration.ofMillis(500)).open()) {
                        seen.add(all(catchDataport(down::ping)));
                    } catch (DataportException e) {
                        seen.add(all(e));
                    }
                }
                for (String text : seen) {
                    assertThat(text).as("written as " + written).doesNotContain(password).doesNotContain(written);
                }
            }
        }
    }

    private static DataportException catchDataport(Runnable work) {
        try {
            work.run();
        } catch (DataportException e) {
            return e;
        }
        throw new AssertionError("expected a DataportException");
    }

    /** The messages of a throwable, its causes and suppressed ones, and its stack trace's text. */
    private static String all(Throwable t) {
        StringWriter out = new StringWriter();
        t.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
