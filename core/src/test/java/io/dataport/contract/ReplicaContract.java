package io.dataport.contract;

import io.dataport.ConfigurationException;
import io.dataport.Database;
import io.dataport.DatabaseUrl;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The replica settings on every backend: the application's code and results stay the same whatever the URL
 * says. Here the "replica" is the test server itself, which is no standby, so PostgreSQL takes it out and reads
 * on the primary; SQLite's replicas are its reader pool; MySQL refuses them, with the way out. The behaviour
 * against real standbys (reads there, lag, read-your-writes, failover) is in the PostgreSQL reliability suite.
 */
public abstract class ReplicaContract extends ContractSupport {

    /** Whether the backend takes replica settings: all but MySQL. */
    protected boolean acceptsReplicas() {
        return !target().backend().equals("mysql");
    }

    /** A replica for {@code url}: the server it names ({@code host:port}), or any name where there is none. */
    private static String replicaOf(String url) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        return parsed.hasHosts() && !parsed.hosts().isEmpty() ? parsed.hosts().get(0) : "standby.example:5432";
    }

    @Test
    void theSameCodeReadsTheSameValuesWithAReplica() throws Exception {
        String url = target().freshUrl();
        Database.Builder builder = Database.builder(url).replica(replicaOf(url)).maxReplicaLag(Duration.ofSeconds(5));
        if (!acceptsReplicas()) {
            assertThatThrownBy(builder::open).isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("not supported").hasMessageContaining("second Database");
            return;
        }
        try (Database replicated = builder.open()) {
            replicated.useTransaction(s -> s.execute("create table t (id integer primary key, v varchar(10))"));
            replicated.useTransaction(s -> s.execute("insert into t(id, v) values (1, 'one')"));
            String token = replicated.lastWriteToken();
            assertThat(token).isNotNull();
            CompletableFuture<List<String>> elsewhere = CompletableFuture.supplyAsync(() -> {
                replicated.readAfter(token);
                return replicated.inReadOnlyTransaction(s -> s.handle().createQuery("select v from t")
                        .mapTo(String.class).list());
            });
            assertThat(elsewhere.get(30, TimeUnit.SECONDS)).containsExactly("one");
            List<String> here = replicated.inReadOnlyTransaction(s -> s.handle().createQuery("select v from t")
                    .mapTo(String.class).list());
            assertThat(here).containsExactly("one");
        }
    }

    @Test
    void replicasInTheUrlToo() {
        String url = target().freshUrl();
        String withReplica = url + (url.contains("?") ? "&" : "?") + "replicas=" + replicaOf(url) + "&maxReplicaLag=2s";
        if (!acceptsReplicas()) {
            assertThatThrownBy(() -> Database.open(withReplica)).isInstanceOf(ConfigurationException.class);
            return;
        }
        try (Database replicated = Database.open(withReplica)) {
            assertThat(replicated.config().replicas()).containsExactly(replicaOf(url));
            assertThat(replicated.config().maxReplicaLag()).isEqualTo(Duration.ofSeconds(2));
            replicated.useTransaction(s -> s.execute("create table t (id integer primary key)"));
            int rows = replicated.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from t")
                    .mapTo(int.class).one());
            assertThat(rows).isZero();
        }
    }

    @Test
    void badReplicaSettingsAreRefusedWithTheFix() {
        assertThatThrownBy(() -> target().builder().replica(" ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("host:port");
        assertThatThrownBy(() -> target().builder().maxReplicaLag(Duration.ZERO))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("more than zero");
        String url = target().freshUrl();
        assertThatThrownBy(() -> Database.open(url + (url.contains("?") ? "&" : "?") + "replicas=a:1,,b:2"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("empty entry");
    }

    @Test
    void withoutReplicasTheTokenIsEmptyAndReadAfterAsksNothing() {
        db.useTransaction(s -> s.execute("create table t (id integer primary key)"));
        db.useTransaction(s -> s.execute("insert into t(id) values (1)"));
        assertThat(db.lastWriteToken()).isEmpty();
        db.readAfter("");
        db.readAfter(null);
        assertThat(count("t")).isEqualTo(1);
    }
}
