package io.dataport.postgres;

import io.dataport.ConnectionException;
import io.dataport.Database;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** createDatabase(true): a missing database is created (UTF-8, the user's), or the missing right is named. */
class PostgresCreateDatabaseTest {
    private static String name() {
        return "dp_created_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static String url(String user, String database) {
        return PostgresTestServer.url().replaceFirst("^([a-z]+://)(?:[^@/]*@)?", "$1" + user + "@")
                .replaceFirst("(://[^/?]*/)[^?]*", "$1" + database);
    }

    @Test
    void aMissingDatabaseIsCreatedWhenAskedAndRefusedOtherwise() {
        String database = name();
        String url = url("postgres", database);
        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("does not exist");
        try (Database admin = Database.open(PostgresTestServer.url())) {
            try (Database created = Database.builder(url + (url.contains("?") ? "&" : "?") + "createDatabase=true")
                    .open()) {
                created.ping();
                String encoding = created.withSession(s -> s.handle().createQuery("select pg_encoding_to_char("
                        + "encoding) from pg_database where datname = current_database()").mapTo(String.class).one());
                assertThat(encoding).isEqualTo("UTF8");
            } finally {
                admin.useSession(s -> s.execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)"));
            }
        }
    }

    @Test
    void aUserWithoutTheRightToCreateIsToldWhichRightAndWhoCanGrantIt() {
        String role = name();
        try (Database admin = Database.open(PostgresTestServer.url())) {
            admin.useSession(s -> s.execute("CREATE ROLE " + role + " LOGIN NOCREATEDB"));
            try {
                assertThatThrownBy(() -> Database.builder(url(role, name())).createDatabase(true).open())
                        .isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("has no right to create databases (CREATEDB)")
                        .hasMessageContaining("ALTER ROLE \"" + role + "\" CREATEDB");
            } finally {
                admin.useSession(s -> s.execute("DROP ROLE IF EXISTS " + role));
            }
        }
    }
}
