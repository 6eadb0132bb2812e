package io.dataport.mysql;

import io.dataport.ConfigurationException;
import io.dataport.Database;
import io.dataport.DatabaseConfig;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Constructor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** URL parsing, without a server. */
class MysqlUrlTest {

    private static MysqlUrl parse(String url) {
        try {
            Constructor<DatabaseConfig> c = DatabaseConfig.class.getDeclaredConstructor(Database.Builder.class);
            c.setAccessible(true);
            return MysqlUrl.parse(c.newInstance(Database.builder(url)));
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void everySchemeGivesTheSameDriverUrlWithCredentialsApart() {
        for (String scheme : new String[] {"mysql", "mariadb", "jdbc:mysql", "jdbc:mariadb"}) {
            MysqlUrl url = parse(scheme + "://app:s%40cret@db.example.com:3307/shop?sslMode=verify-full");
            assertThat(url.jdbcUrl).as(scheme).isEqualTo("jdbc:mariadb://db.example.com:3307/shop");
            assertThat(url.user).isEqualTo("app");
            assertThat(url.password).isEqualTo("s@cret");
            assertThat(url.properties).containsEntry("sslMode", "verify-full");
            assertThat(url.toString()).doesNotContain("s@cret");
        }
    }

    @Test
    void theConnectTimeoutIsFiveSecondsUnlessSetInMilliseconds() {
        assertThat(parse("mysql://db/app").connectTimeoutMillis).isEqualTo(MysqlUrl.DEFAULT_CONNECT_TIMEOUT_MILLIS);
        assertThat(parse("mysql://db/app?connectTimeout=1500").connectTimeoutMillis).isEqualTo(1500);
        assertThatThrownBy(() -> parse("mysql://db/app?connectTimeout=soon"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("connectTimeout='soon'").hasMessageContaining("whole milliseconds");
    }

    @Test
    void aUrlWithoutADatabaseOrHostIsRefusedWithTheFix() {
        assertThatThrownBy(() -> parse("mysql://root:pw@db:3306"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("names no database")
                .hasMessageContaining("mysql://user:password@host:3306/app").hasMessageNotContaining(":pw@");
        assertThatThrownBy(() -> parse("mysql:app"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("does not name a host");
    }

    @Test
    void unknownDriverSettingsAreRefusedByName() {
        assertThatThrownBy(() -> Database.open("mysql://db/app?noSuchOption=1"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("noSuchOption")
                .hasMessageContaining("sslMode");
    }
}
