package io.dataport.contract;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Scenario 15: with every logger at DEBUG (slf4j-simple for Dataport, HikariCP and Jdbi; java.util.logging at
 * FINE for pgjdbc), a login failure, a duplicate key on a column holding an e-mail address and a check
 * constraint failure are provoked in a child JVM that prints every exception in full (causes, suppressed). No
 * line of its output holds the password or a bound value. A child JVM gives the logging a fresh, known
 * configuration whatever the test JVM's.
 */
@Tag(Reliability.TAG)
public abstract class SecretsInLogsReliabilityContract {
    static final String PASSWORD = "Pw-7f3Kq9-NeverShowMe";
    static final String EMAIL = "alice.secret.4711@example.com";
    static final String NAME = "Alice Secretperson";
    static final String BALANCE = "-987654";

    /** The database the subclass tests. */
    protected abstract DatabaseTarget target();

    /** A URL whose login fails, with {@link #PASSWORD} in it; {@code null} when the backend has no login. */
    protected abstract String badLoginUrl(String password);

    @Test
    void noPasswordAndNoBoundValueInAnyLogLineOrExceptionMessage() throws Exception {
        String badLogin = badLoginUrl(PASSWORD);
        long start = System.nanoTime();
        try (ChildJvm child = ChildJvm.start(LeakProbe.class, List.of(
                        "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug",
                        "-Dorg.slf4j.simpleLogger.logFile=System.err",
                        "-Djava.util.logging.config.file=/dev/null"),
                target().freshUrl(), badLogin == null ? "-" : badLogin, EMAIL, NAME, BALANCE)) {
            int exit = child.waitFor(Duration.ofMinutes(2));
            String all = String.join("\n", child.stdout()) + "\n" + child.stderr();
            System.out.println("---- captured child output (for review) ----\n" + all + "\n---- end ----");
            assertThat(exit).as("probe exit code; output:\n%s", all).isZero();
            assertThat(child.stdout()).as("the probe provoked each failure").contains("PROVOKED duplicate",
                    "PROVOKED constraint", "DONE");
            if (badLogin != null) {
                assertThat(child.stdout()).contains("PROVOKED login");
            }
            assertThat(all).as("debug output was captured").containsIgnoringCase("debug");
            for (String secret : List.of(PASSWORD, EMAIL, NAME, BALANCE)) {
                assertThat(all).as("output must not contain '%s'", secret).doesNotContain(secret);
            }
            Reliability.figures("15 secrets in logs (" + target().backend() + ")", "failures provoked=%d, "
                            + "output lines checked=%d, secrets found=0, elapsed=%d ms", badLogin == null ? 2 : 3,
                    all.split("\n").length, (System.nanoTime() - start) / 1_000_000);
        }
    }
}
