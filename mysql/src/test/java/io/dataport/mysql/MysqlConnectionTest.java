package io.dataport.mysql;

import io.dataport.ConfigurationException;
import io.dataport.ConnectionException;
import io.dataport.Database;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** MySQL-only bad inputs: login failures, unreachable hosts, missing databases, as the other backends fail. */
class MysqlConnectionTest {

    /** The test server's URL with other credentials and database. */
    private static String url(String userInfo, String database) {
        return MysqlTestServer.withDatabase(MysqlTestServer.url(), database)
                .replaceFirst("^([a-z]+://)(?:[^@/]*@)?", "$1" + userInfo + "@");
    }

    @Test
    void wrongPasswordFailsAtOpenWithTheFixAndWithoutShowingIt() {
        ConnectionException e = catchThrowableOfType(ConnectionException.class,
                () -> Database.open(url("dp_no_such_user:Wr0ng-Secret", "test")));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("login failed").contains("Access denied")
                .contains("the password is wrong or missing").contains("user 'dp_no_such_user'");
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain("Wr0ng-Secret");
        }
    }

    @Test
    void missingDatabaseIsALoginFailureThatSaysHowToCreateIt() {
        String base = MysqlTestServer.withDatabase(MysqlTestServer.url(), "dataport_no_such_db");
        assertThatThrownBy(() -> Database.open(base)).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("dataport_no_such_db")
                .hasMessageContaining("CREATE DATABASE `dataport_no_such_db` CHARACTER SET utf8mb4");
    }

    @Test
    void aUserWithoutRightsOnTheDatabaseIsALoginFailureThatSaysWhatToGrant() {
        String user = "dp_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String database = MysqlTestServer.withDatabase(MysqlTestServer.url(), "test");
        try (Database admin = Database.open(database)) {
            admin.useSession(s -> s.execute("CREATE USER '" + user + "'@'%' IDENTIFIED BY 'pw-4711'"));
            try {
                assertThatThrownBy(() -> Database.open(url(user + ":pw-4711", "mysql")))
                        .isInstanceOf(ConnectionException.class)
                        .hasMessageContaining("has no right on database 'mysql'")
                        .hasMessageContaining("GRANT ALL ON `mysql`.* TO '" + user + "'");
            } finally {
                admin.useSession(s -> s.execute("DROP USER '" + user + "'@'%'"));
            }
        }
    }

    @Test
    void silentHostFailsWithinTheConnectTimeout() throws Exception {
        // A socket that is listened on but never answers: the TCP connect succeeds, the handshake never comes.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Database.builder("mysql://app@127.0.0.1:" + silent.getLocalPort() + "/app")
                    .connectionTimeout(Duration.ofSeconds(1)).open())
                    .isInstanceOf(ConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void refusedConnectionDoesNotFailOpenButTheFirstUse() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Database db = Database.builder("mysql://app@127.0.0.1:" + port + "/app")
                .connectionTimeout(Duration.ofMillis(500)).open()) {
            long start = System.nanoTime();
            assertThatThrownBy(db::ping).isInstanceOf(ConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void unknownHostFailsAtOpen() {
        assertThatThrownBy(() -> Database.open("mysql://app@no-such-host.invalid:3306/app"))
                .isInstanceOf(ConnectionException.class).hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void readOnlyDatabaseIsReadOnlyOnTheServerEvenOutsideTransactions() {
        try (Database db = Database.builder(MysqlTarget.INSTANCE.freshUrl()).readOnly(true).open()) {
            int readOnly = db.withSession(s -> s.handle().createQuery("select @@tx_read_only").mapTo(int.class).one());
            assertThat(readOnly).isEqualTo(1);
        }
    }

    @Test
    void theServerIsMariaDbWithReturningAndTheSessionIsSetUpOnce() {
        try (Database db = Database.open(MysqlTarget.INSTANCE.freshUrl())) {
            String mode = db.withSession(s -> s.handle().createQuery("select @@sql_mode").mapTo(String.class).one());
            assertThat(mode).contains("ANSI_QUOTES", "PIPES_AS_CONCAT", "STRICT_ALL_TABLES", "NO_AUTO_VALUE_ON_ZERO");
            String zone = db.withSession(s -> s.handle().createQuery("select @@time_zone").mapTo(String.class).one());
            assertThat(zone).isEqualTo("+00:00");
        }
    }

    @Test
    void malformedUrlsAreRejectedBeforeConnecting() {
        assertThatThrownBy(() -> Database.open("mysql://app@localhost:notaport/app"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("port 'notaport' is not a number");
    }
}
