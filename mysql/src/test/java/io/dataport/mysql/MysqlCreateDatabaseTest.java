package io.dataport.mysql;

import io.dataport.ConnectionException;
import io.dataport.Database;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** createDatabase(true): a missing database is created (utf8mb4), or the missing right is named. */
class MysqlCreateDatabaseTest {
    private static String name() {
        return "dp_created_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    @Test
    void aMissingDatabaseIsCreatedWhenAskedAndRefusedOtherwise() {
        String database = name();
        String url = MysqlTestServer.withDatabase(MysqlTestServer.url(), database);
        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("does not exist");
        try (Database admin = Database.open(MysqlTestServer.url())) {
            try (Database created = Database.builder(url).createDatabase(true).open()) {
                created.ping();
                String charset = created.withSession(s -> s.handle().createQuery("select @@character_set_database")
                        .mapTo(String.class).one());
                assertThat(charset).isEqualTo("utf8mb4");
            } finally {
                admin.useSession(s -> s.execute("DROP DATABASE IF EXISTS " + database));
            }
        }
    }

    @Test
    void aUserWithoutTheRightToCreateIsToldWhichRightAndWhoCanGrantIt() {
        String user = name();
        try (Database admin = Database.open(MysqlTestServer.url())) {
            admin.useSession(s -> s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw-4711'"));
            try {
                String url = MysqlTestServer.withDatabase(MysqlTestServer.url(), name())
                        .replaceFirst("^([a-z]+://)(?:[^@/]*@)?", "$1" + user + ":pw-4711@");
                assertThatThrownBy(() -> Database.builder(url).createDatabase(true).open())
                        .isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("has no right to create databases")
                        .hasMessageNotContaining("pw-4711");
            } finally {
                admin.useSession(s -> s.execute("DROP USER '" + user + "'@'%'"));
            }
        }
    }
}
