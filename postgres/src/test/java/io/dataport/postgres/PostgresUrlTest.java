package io.dataport.postgres;

import io.dataport.ConfigurationException;
import io.dataport.Database;
import io.dataport.DatabaseConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URL parsing, without a server. */
class PostgresUrlTest {

    private static PostgresUrl parse(String url) {
        return PostgresUrl.parse(config(Database.builder(url)));
    }

    static DatabaseConfig config(Database.Builder builder) {
        try {
            Constructor<DatabaseConfig> c = DatabaseConfig.class.getDeclaredConstructor(Database.Builder.class);
            c.setAccessible(true);
            return c.newInstance(builder);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void libpqUriWithCredentialsAndParameters() {
        PostgresUrl url = parse("postgresql://app:s%40cret@db.example.com:6543/shop?sslmode=require&application_name=web");
        assertThat(url.jdbcUrl).isEqualTo("jdbc:postgresql://db.example.com:6543/shop");
        assertThat(url.user).isEqualTo("app");
        assertThat(url.password).isEqualTo("s@cret");
        assertThat(url.properties).containsEntry("sslmode", "require").containsEntry("ApplicationName", "web");
        assertThat(url.toString()).doesNotContain("s@cret");
    }

    @Test
    void postgresSchemeAndDefaults() {
        PostgresUrl url = parse("postgres://localhost/app");
        assertThat(url.jdbcUrl).isEqualTo("jdbc:postgresql://localhost/app");
        assertThat(url.user).isNull();
        PostgresUrl noHost = parse("postgresql:///app");
        assertThat(noHost.jdbcUrl).isEqualTo("jdbc:postgresql://localhost/app");
    }

    @Test
    void jdbcFormMovesSecretsOutOfTheUrl() {
        PostgresUrl url = parse("jdbc:postgresql://h:5432/db?user=u&password=p%26w&sslmode=disable");
        assertThat(url.jdbcUrl).isEqualTo("jdbc:postgresql://h:5432/db");
        assertThat(url.user).isEqualTo("u");
        assertThat(url.password).isEqualTo("p&w");
        assertThat(url.properties).containsOnlyKeys("sslmode");
    }

    @Test
    void builderCredentialsWin() {
        PostgresUrl url = PostgresUrl.parse(config(Database.builder("postgresql://a:b@h/db").user("u2").password("p2")));
        assertThat(url.user).isEqualTo("u2");
        assertThat(url.password).isEqualTo("p2");
    }

    @Test
    void multipleHostsAndIpv6() {
        assertThat(parse("postgresql://h1:5432,h2:5433/db").jdbcUrl).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/db");
        assertThat(parse("postgresql://[::1]:5432/db").jdbcUrl).isEqualTo("jdbc:postgresql://[::1]:5432/db");
    }

    @Test
    void oneConnectTimeoutBoundsTheTcpConnectAndTheLogin() {
        PostgresUrl defaults = parse("postgresql://h/db");
        assertThat(defaults.connectTimeoutSeconds).isEqualTo(PostgresUrl.DEFAULT_CONNECT_TIMEOUT_SECONDS);
        assertThat(defaults.loginTimeoutSeconds).isEqualTo(PostgresUrl.DEFAULT_CONNECT_TIMEOUT_SECONDS);
        PostgresUrl libpq = parse("postgresql://h/db?connect_timeout=2");
        assertThat(libpq.connectTimeoutSeconds).isEqualTo(2);
        assertThat(libpq.loginTimeoutSeconds).isEqualTo(2);
        assertThat(libpq.properties).doesNotContainKeys("connect_timeout", "connectTimeout", "loginTimeout");
        PostgresUrl both = parse("jdbc:postgresql://h/db?connectTimeout=3&loginTimeout=7");
        assertThat(both.connectTimeoutSeconds).isEqualTo(3);
        assertThat(both.loginTimeoutSeconds).isEqualTo(7);
        PostgresUrl login = parse("jdbc:postgresql://h/db?loginTimeout=4");
        assertThat(login.connectTimeoutSeconds).isEqualTo(4);
        assertThat(login.loginTimeoutSeconds).isEqualTo(4);
        PostgresUrl shortWait = PostgresUrl.parse(config(Database.builder("postgresql://h/db")
                .connectionTimeout(java.time.Duration.ofMillis(1500))));
        assertThat(shortWait.connectTimeoutSeconds).isEqualTo(2);
        assertThat(shortWait.loginTimeoutSeconds).isEqualTo(2);
        assertThatThrownBy(() -> parse("postgresql://u:topsecret@h/db?connect_timeout=soon"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("connect_timeout")
                .hasMessageContaining("whole seconds").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> parse("postgresql://h/db?loginTimeout=-1"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("loginTimeout");
    }

    @Test
    void malformedUrlsNameTheProblemAndHideThePassword() {
        assertThatThrownBy(() -> parse("postgresql://u:topsecret@h:99999/db"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("outside 1-65535")
                .hasMessageContaining("u:***@").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> parse("postgresql://[::1/db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("closing ']'");
        assertThatThrownBy(() -> parse("postgresql://:5432/db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("host is missing");
        assertThatThrownBy(() -> parse("postgresql://h/db?x=%zz")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("%-escape");
    }

    @Test
    void failoverUrlsInLibpqAndPgjdbcForms() {
        PostgresUrl libpq = parse("postgresql://app:pw@h1:5432,h2:5433/shop?target_session_attrs=read-write");
        assertThat(libpq.jdbcUrl).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/shop");
        assertThat(libpq.properties).containsEntry("targetServerType", "primary");
        assertThat(parse("postgresql://h1,h2/shop?target_session_attrs=prefer-standby").properties)
                .containsEntry("targetServerType", "preferSecondary");
        assertThat(parse("postgresql://h1,h2/shop?target_session_attrs=standby").properties)
                .containsEntry("targetServerType", "secondary");
        PostgresUrl pgjdbc = parse("jdbc:postgresql://h1:5432,h2:5433/shop?targetServerType=primary&user=app");
        assertThat(pgjdbc.jdbcUrl).isEqualTo("jdbc:postgresql://h1:5432,h2:5433/shop");
        assertThat(pgjdbc.properties).containsEntry("targetServerType", "primary");
        assertThatThrownBy(() -> parse("postgresql://h1,h2/shop?target_session_attrs=writable"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("read-write");
    }

    @Test
    void aReplicaTakesThePrimarysLoginDatabaseAndSettingsButNeverItsTarget() {
        PostgresUrl primary = parse("postgresql://app:pw@h1:5432,h2:5432/shop?target_session_attrs=read-write"
                + "&sslmode=require");
        PostgresUrl replica = primary.replica("standby1:5433");
        assertThat(replica.jdbcUrl).isEqualTo("jdbc:postgresql://standby1:5433/shop");
        assertThat(replica.user).isEqualTo("app");
        assertThat(replica.password).isEqualTo("pw");
        assertThat(replica.properties).containsEntry("sslmode", "require").doesNotContainKey("targetServerType");
        assertThat(primary.replica("[::1]:5433").jdbcUrl).isEqualTo("jdbc:postgresql://[::1]:5433/shop");
        PostgresUrl own = primary.replica("postgresql://reader:rpw@standby2:5434/shop_copy?sslmode=verify-full");
        assertThat(own.jdbcUrl).isEqualTo("jdbc:postgresql://standby2:5434/shop_copy");
        assertThat(own.user).isEqualTo("reader");
        assertThat(own.password).isEqualTo("rpw");
        assertThat(own.properties).containsEntry("sslmode", "verify-full");
        assertThatThrownBy(() -> primary.replica("standby1:5432/db")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("host:port");
    }
}
