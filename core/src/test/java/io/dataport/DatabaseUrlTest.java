package io.dataport;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The URL is parsed once, into parts every backend reads, and never shows its password. */
class DatabaseUrlTest {

    @Test
    void libpqFormIsSplitAndDecoded() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://app:s%40cret@db.example.com:6543/shop?sslmode=require&application_name=w%2Bb");
        assertThat(url.scheme()).isEqualTo("postgresql");
        assertThat(url.hasHosts()).isTrue();
        assertThat(url.user()).isEqualTo("app");
        assertThat(url.password()).isEqualTo("s@cret");
        assertThat(url.hosts()).containsExactly("db.example.com:6543");
        assertThat(url.database()).isEqualTo("shop");
        assertThat(url.parameters()).containsExactly(Map.entry("sslmode", "require"), Map.entry("application_name", "w+b"));
        assertThat(url.toString()).isEqualTo(
                "postgresql://app:***@db.example.com:6543/shop?sslmode=require&application_name=w+b");
    }

    @Test
    void pathFormKeepsThePathAsWritten() {
        DatabaseUrl file = DatabaseUrl.parse("jdbc:sqlite:/tmp/my%20app.db?synchronous=FULL");
        assertThat(file.scheme()).isEqualTo("jdbc:sqlite");
        assertThat(file.hasHosts()).isFalse();
        assertThat(file.database()).isEqualTo("/tmp/my%20app.db");
        assertThat(file.parameters()).containsEntry("synchronous", "FULL");
        assertThat(DatabaseUrl.parse("sqlite::memory:").database()).isEqualTo(":memory:");
    }

    @Test
    void rawSpecialCharactersInThePasswordStayOutOfEveryRendering() {
        for (String password : List.of("pa/ss", "p@ss/w?rd", "p#ss", "p%zz", "a:b@c")) {
            String raw = "postgresql://u:" + password + "@host:5432/db?sslmode=disable";
            DatabaseUrl url = DatabaseUrl.parse(raw);
            assertThat(url.password()).as(raw).isEqualTo(password);
            assertThat(url.hosts()).as(raw).containsExactly("host:5432");
            assertThat(url.toString()).as(raw).isEqualTo("postgresql://u:***@host:5432/db?sslmode=disable");
            assertThat(DatabaseUrl.mask(raw)).as(raw).doesNotContain(password);
        }
    }

    @Test
    void anAtSignInAParameterIsNotUserInformation() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://host/db?user=me@corp&password=x");
        assertThat(url.user()).isNull();
        assertThat(url.hosts()).containsExactly("host");
        assertThat(url.parameters()).containsEntry("user", "me@corp");
        assertThat(url.toString()).endsWith("password=***").doesNotContain("=x");
    }

    @Test
    void everyParameterNamedAsAPasswordIsMaskedByBothRenderings() {
        String raw = "postgresql://h/db?sslkeypassword=k3y&Password=pw&sslmode=require";
        assertThat(DatabaseUrl.parse(raw).toString()).doesNotContain("k3y").doesNotContain("=pw");
        assertThat(DatabaseUrl.mask(raw)).doesNotContain("k3y").doesNotContain("=pw").contains("sslmode=require");
    }

    @Test
    void hostsPortsAndIpv6() {
        assertThat(DatabaseUrl.parse("postgresql://h1:5432,h2:5433/db").hosts()).containsExactly("h1:5432", "h2:5433");
        assertThat(DatabaseUrl.parse("postgresql://[::1]:5432/db").hosts()).containsExactly("[::1]:5432");
        assertThat(DatabaseUrl.parse("postgresql:///app").hosts()).isEmpty();
    }

    @Test
    void malformedUrlsNameTheProblemWithThePasswordMasked() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:topsecret@h:99999/db"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("outside 1-65535")
                .hasMessageContaining("u:***@").hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?sslmode")).hasMessageContaining("has no value");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://h/db?x=%zz")).hasMessageContaining("%-escape");
        assertThatThrownBy(() -> DatabaseUrl.parse("app.db")).hasMessageContaining("no scheme");
        assertThatThrownBy(() -> DatabaseUrl.parse(" ")).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("empty");
    }
}
