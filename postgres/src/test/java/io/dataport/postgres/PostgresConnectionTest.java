package io.dataport.postgres;

import io.dataport.ConfigurationException;
import io.dataport.ConnectionException;
import io.dataport.Database;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** PostgreSQL-only bad inputs: login failures, unreachable hosts, missing databases. */
class PostgresConnectionTest {

    @Test
    void wrongPasswordFailsAtOpenWithoutShowingIt() throws Exception {
        try (FakePostgresServer server = new FakePostgresServer(FakePostgresServer.Mode.REJECT_PASSWORD)) {
            String url = "postgresql://app:Wr0ng-Secret@127.0.0.1:" + server.port() + "/app?sslmode=disable";
            ConnectionException e = catchThrowableOfType(ConnectionException.class, () -> Database.open(url));
            assertThat(e).isNotNull();
            assertThat(e.getMessage()).contains("login failed").contains("password authentication failed")
                    .contains("the password is wrong").contains("user 'app'");
            for (Throwable t = e; t != null; t = t.getCause()) {
                assertThat(String.valueOf(t.getMessage())).doesNotContain("Wr0ng-Secret");
            }
        }
    }

    @Test
    void silentHostFailsWithinTheConnectionTimeout() throws Exception {
        try (FakePostgresServer server = new FakePostgresServer(FakePostgresServer.Mode.SILENT)) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> Database.builder("postgresql://app@127.0.0.1:" + server.port() + "/app?sslmode=disable")
                    .connectionTimeout(Duration.ofSeconds(1)).open())
                    .isInstanceOf(ConnectionException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void unknownHostFailsAtOpen() {
        assertThatThrownBy(() -> Database.open("postgresql://app@no-such-host.invalid:5432/app"))
                .isInstanceOf(ConnectionException.class).hasMessageContaining("no-such-host.invalid");
    }

    @Test
    void refusedConnectionDoesNotFailOpenButTheFirstUse() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (Database db = Database.builder("postgresql://app@127.0.0.1:" + port + "/app")
                .connectionTimeout(Duration.ofMillis(500)).open()) {
            assertThatThrownBy(db::ping).isInstanceOf(ConnectionException.class);
        }
    }

    @Test
    void missingDatabaseIsALoginFailure() {
        String base = PostgresTestServer.url();
        String url = base.replaceFirst("/[^/?]*(\\?|$)", "/dataport_no_such_db$1");
        assertThatThrownBy(() -> Database.open(url)).isInstanceOf(ConnectionException.class)
                .hasMessageContaining("dataport_no_such_db");
    }

    @Test
    void readOnlyDatabaseIsReadOnlyOnTheServerEvenOutsideTransactions() {
        try (Database db = Database.builder(PostgresTarget.INSTANCE.freshUrl()).readOnly(true).open()) {
            String setting = db.withSession(s -> s.handle().createQuery("show transaction_read_only")
                    .mapTo(String.class).one());
            assertThat(setting).isEqualTo("on");
        }
    }

    @Test
    void malformedUrlsAreRejectedBeforeConnecting() {
        assertThatThrownBy(() -> Database.open("postgresql://app@localhost:notaport/app"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("port 'notaport' is not a number");
        assertThatThrownBy(() -> Database.open("postgresql://app:pw@localhost:5432/app?sslmode"))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("has no value")
                .hasMessageNotContaining(":pw@");
    }
}
