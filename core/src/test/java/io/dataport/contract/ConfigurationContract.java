package io.dataport.contract;

import io.dataport.ConfigurationException;
import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.ReadOnlyException;
import io.dataport.TransactionIsolation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad input gets a clear, typed error that names the problem and the fix; nothing hangs, no secret leaks. */
public abstract class ConfigurationContract extends ContractSupport {

    @Test
    void nullOrEmptyUrl() {
        assertThatThrownBy(() -> Database.open(null)).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("URL is null");
        assertThatThrownBy(() -> Database.open("  ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("URL is empty");
    }

    @Test
    void schemeNoBackendAcceptsListsTheAvailableOnes() {
        assertThatThrownBy(() -> Database.open("oracle://root:hunter2@localhost/app"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("No backend accepts URL 'oracle://root:***@localhost/app'")
                .hasMessageContaining(target().backend() + " (")
                .hasMessageContaining("io.dataport:dataport-")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    void impossibleSettingsAreRejectedByName() {
        assertThatThrownBy(() -> Database.builder("sqlite::memory:").maxPoolSize(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxPoolSize");
        assertThatThrownBy(() -> Database.builder("sqlite::memory:").connectionTimeout(Duration.ofMillis(10)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("connectionTimeout cannot be less than 250ms");
        assertThatThrownBy(() -> Database.builder("sqlite::memory:").maxAttempts(0))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("maxAttempts");
    }

    private String withQuery(String query) {
        String url = target().freshUrl();
        return url + (url.contains("?") ? "&" : "?") + query;
    }

    @Test
    void dataportSettingsComeFromTheUrlOnEveryBackend() {
        try (Database db = Database.open(withQuery("maxPoolSize=3&connectionTimeout=750ms&maxAttempts=4"
                + "&retryBackoff=PT0.002S&ISOLATION=read_committed&leakDetection=true&queryTimeout=2m"))) {
            assertThat(db.config().queryTimeout()).isEqualTo(Duration.ofMinutes(2));
            assertThat(db.config().maxPoolSize()).isEqualTo(3);
            assertThat(db.config().connectionTimeout()).isEqualTo(Duration.ofMillis(750));
            assertThat(db.config().maxAttempts()).isEqualTo(4);
            assertThat(db.config().retryBackoff()).isEqualTo(Duration.ofMillis(2));
            assertThat(db.config().isolation()).isEqualTo(TransactionIsolation.READ_COMMITTED);
            assertThat(db.config().leakDetection()).isTrue();
            assertThat(db.config().parameters()).as("the backend does not see them").doesNotContainKeys(
                    "maxPoolSize", "connectionTimeout", "maxAttempts", "retryBackoff", "ISOLATION", "leakDetection",
                    "queryTimeout");
            int one = db.inTransaction(s -> s.handle().createQuery("select 1").mapTo(int.class).one());
            assertThat(one).isEqualTo(1);
        }
        // A setter called in code wins over the URL; property() is the same as the URL.
        try (Database db = Database.builder(withQuery("maxAttempts=4")).maxAttempts(7).property("maxPoolSize", "2")
                .open()) {
            assertThat(db.config().maxAttempts()).isEqualTo(7);
            assertThat(db.config().maxPoolSize()).isEqualTo(2);
        }
    }

    @Test
    void badDataportSettingsInTheUrlAreRefusedByName() {
        assertThatThrownBy(() -> Database.open(withQuery("maxAttempts=0")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("Setting maxAttempts in '").hasMessageContaining("maxAttempts must be at least 1");
        assertThatThrownBy(() -> Database.open(withQuery("connectionTimeout=30")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connectionTimeout must be a duration with its unit, such as 500ms, 30s");
        assertThatThrownBy(() -> Database.open(withQuery("isolation=strict")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("READ_COMMITTED");
        assertThatThrownBy(() -> Database.open(withQuery("maxPoolSizes=3")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("Unknown")
                .hasMessageContaining("and Dataport's own, on every backend: ").hasMessageContaining("maxPoolSize");
    }

    @Test
    void closedDatabaseSaysSo() {
        db.close();
        assertThatThrownBy(() -> db.useTransaction(s -> s.execute("select 1")))
                .isInstanceOf(ConnectionException.class).hasMessageContaining("Database is closed");
        db.close(); // a second close does nothing
    }

    @Test
    void exhaustedPoolFailsWithinTheTimeoutAndDescribesThePool() throws Exception {
        try (Database small = target().builder().maxPoolSize(1).connectionTimeout(Duration.ofMillis(300)).open()) {
            CountDownLatch holding = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                Future<?> holder = pool.submit(() -> {
                    small.useReadOnlyTransaction(s -> {
                        s.handle().createQuery("select 1").mapTo(int.class).one();
                        holding.countDown();
                        release.await(30, TimeUnit.SECONDS);
                    });
                    return null;
                });
                assertThat(holding.await(30, TimeUnit.SECONDS)).isTrue();
                long start = System.nanoTime();
                assertThatThrownBy(() -> small.useReadOnlyTransaction(s -> s.handle().createQuery("select 1")
                        .mapTo(int.class).one()))
                        .isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("pool size 1")
                        .hasMessageContaining("waiting")
                        .hasMessageContaining("maxPoolSize");
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
                release.countDown();
                holder.get(30, TimeUnit.SECONDS);
            } finally {
                release.countDown();
                pool.shutdownNow();
            }
        }
    }

    @Test
    void passwordNeverAppearsInToStringOrConfig() {
        try (Database withPassword = target().builder().password("s3cr3t-pw").open()) {
            assertThat(withPassword.toString()).doesNotContain("s3cr3t-pw");
            assertThat(withPassword.config().toString()).doesNotContain("s3cr3t-pw").contains("password=***");
        } catch (ConnectionException e) {
            assertThat(ErrorContract.messages(e)).doesNotContain("s3cr3t-pw");
        }
    }

    @Test
    void readOnlyDatabaseRefusesWritesAndServesReads() {
        String url = target().freshUrl();
        try (Database writable = Database.open(url)) {
            writable.useTransaction(s -> {
                s.execute("create table note (id integer primary key, body varchar(50))");
                s.execute("insert into note(id, body) values (1, 'kept')");
            });
        }
        try (Database readOnly = Database.builder(url).readOnly(true).open()) {
            assertThatThrownBy(() -> readOnly.useTransaction(s -> s.execute("insert into note(id, body) values (2, 'x')")))
                    .isInstanceOf(ReadOnlyException.class);
            assertThatThrownBy(() -> readOnly.useSession(s -> s.execute("delete from note")))
                    .isInstanceOf(ReadOnlyException.class);
            String body = readOnly.inTransaction(s -> s.handle().createQuery("select body from note where id = 1")
                    .mapTo(String.class).one());
            assertThat(body).isEqualTo("kept");
        }
    }
}
