package io.dataport.postgres.reliability;

import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.contract.Reliability;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Login problems are reported as login problems, each with its remedy, naming the user and the database and
 * never the password: no password given, a wrong one, an unknown user, no right to connect, no such database.
 * On a private cluster with {@code scram-sha-256} logins, since the shared server trusts every login.
 */
@Tag(Reliability.TAG)
class PostgresLoginTest {
    private static final String APP_PASSWORD = "App-" + UUID.randomUUID();
    private static final String STRANGER_PASSWORD = "Stranger-" + UUID.randomUUID();
    private static final String WRONG_PASSWORD = "Wrong-" + UUID.randomUUID();
    private static PrivateCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = PrivateCluster.start();
        cluster.sql("create role app login password '" + APP_PASSWORD + "'",
                "create role stranger login password '" + STRANGER_PASSWORD + "'",
                "create database shop owner app",
                "revoke connect on database shop from public");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void missingPasswordSaysToGiveOne() {
        ConnectionException e = loginFails(cluster.url("app", "shop"));
        assertThat(e.getMessage()).contains("login failed").contains("No password was given")
                .contains("user 'app'").contains("'shop'").contains("Database.Builder.password");
    }

    @Test
    void wrongPasswordSaysToCheckIt() {
        ConnectionException e = loginFails(cluster.url("app:" + WRONG_PASSWORD, "shop"));
        assertThat(e.getMessage()).contains("login failed").contains("refused the password of user 'app'")
                .contains("'shop'").contains("the password is wrong");
    }

    @Test
    void unknownUserSaysTheUserMayNotExist() {
        ConnectionException e = loginFails(cluster.url("nobody:" + WRONG_PASSWORD, "shop"));
        assertThat(e.getMessage()).contains("login failed").contains("user 'nobody'")
                .contains("the server has no user 'nobody'");
    }

    @Test
    void noConnectPrivilegeSaysHowToGrantIt() {
        ConnectionException e = loginFails(cluster.url("stranger:" + STRANGER_PASSWORD, "shop"));
        assertThat(e.getMessage()).contains("login failed")
                .contains("User 'stranger' has no right to connect to database 'shop'")
                .contains("GRANT CONNECT ON DATABASE \"shop\" TO \"stranger\"");
    }

    @Test
    void missingDatabaseSaysToFixTheNameOrCreateIt() {
        ConnectionException e = loginFails(cluster.url("app:" + APP_PASSWORD, "nosuchdb"));
        assertThat(e.getMessage()).contains("login failed").contains("Database 'nosuchdb' does not exist")
                .contains("user 'app'").contains("CREATE DATABASE \"nosuchdb\"");
    }

    @Test
    void theRightPasswordLogsIn() {
        try (Database db = Database.open(cluster.url("app:" + APP_PASSWORD, "shop"))) {
            db.useTransaction(s -> s.execute("create table t (id int primary key)"));
            db.useTransaction(s -> s.execute("insert into t (id) values (1)"));
            int rows = db.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from t")
                    .mapTo(int.class).one());
            assertThat(rows).isEqualTo(1);
        }
    }

    /** Opens and uses the database; returns the ConnectionException, checked to show no password anywhere. */
    private static ConnectionException loginFails(String url) {
        ConnectionException e = catchThrowableOfType(ConnectionException.class, () -> {
            try (Database db = Database.open(url)) {
                db.ping();
            }
        });
        assertThat(e).as("a ConnectionException for " + url).isNotNull();
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(APP_PASSWORD).doesNotContain(STRANGER_PASSWORD)
                    .doesNotContain(WRONG_PASSWORD);
        }
        Reliability.figures("login", "%s -> %s", url.replaceFirst(":[^:@/]+@", ":***@"), e.getMessage());
        return e;
    }
}
