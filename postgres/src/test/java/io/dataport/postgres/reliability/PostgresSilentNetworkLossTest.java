package io.dataport.postgres.reliability;

import io.dataport.ConnectionException;
import io.dataport.Database;
import io.dataport.contract.Reliability;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Scenario 9: the network between Dataport and PostgreSQL goes silent (a loopback proxy swallows every byte,
 * with no reset) mid-query, while the pool is idle, and while connecting. Each call fails with
 * {@link ConnectionException} within the configured timeouts, and the pool serves new work once the network
 * forwards again.
 */
@Tag(Reliability.TAG)
class PostgresSilentNetworkLossTest {
    static final int SOCKET_TIMEOUT_S = 2;
    // Longer than the connect timeout: a connection attempt the pool started while the network was silent
    // times out first, and the pool has time to open a fresh one for the caller.
    static final int CONNECTION_TIMEOUT_S = 5;
    /** The "does not hang" bound: the socket timeout plus the pool's wait for a new connection, plus slack. */
    static final long BOUND_MS = (SOCKET_TIMEOUT_S + CONNECTION_TIMEOUT_S + 3) * 1000L;

    @Test
    void silentNetworkFailsEachCallWithinTheTimeoutsAndThePoolRecovers() throws Exception {
        String direct = PgFaults.freshUrl("socketTimeout=" + SOCKET_TIMEOUT_S, "connectTimeout=" + SOCKET_TIMEOUT_S,
                "loginTimeout=" + SOCKET_TIMEOUT_S);
        long start = System.nanoTime();
        StringBuilder figures = new StringBuilder();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (TcpProxy proxy = TcpProxy.start(PgFaults.host(direct), PgFaults.port(direct));
             Database db = Database.builder(PgFaults.through(direct, proxy.port())).maxPoolSize(2)
                     .connectionTimeout(Duration.ofSeconds(CONNECTION_TIMEOUT_S)).open()) {
            db.useTransaction(s -> s.execute("create table t (id int primary key)"));
            assertRecovers(db, proxy, 1);

            // 1. Mid-query: the query is sent, then the network goes silent before the answer comes back.
            long sent = proxy.clientBytes();
            Future<Integer> midQuery = pool.submit(() -> db.inTransaction(s -> {
                s.execute("insert into t(id) values (100)");
                return s.handle().createQuery("select 1 from pg_sleep(0.5)").mapTo(int.class).one();
            }));
            assertThat(proxy.awaitClientBytesAbove(sent, Duration.ofSeconds(10))).isTrue();
            proxy.blackhole();
            long t0 = System.nanoTime();
            assertThatThrownBy(() -> midQuery.get(60, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(ConnectionException.class);
            figures.append("mid-query failed after ").append(ms(t0)).append(" ms; ");
            assertThat(ms(t0)).isLessThan(BOUND_MS);
            proxy.forward();
            assertRecovers(db, proxy, 2);

            // 2. While idle: the pool holds connections; the network goes silent; the next call fails in time.
            proxy.blackhole();
            t0 = System.nanoTime();
            assertThatThrownBy(() -> db.useTransaction(s -> s.execute("insert into t(id) values (200)")))
                    .isInstanceOf(ConnectionException.class);
            figures.append("idle failed after ").append(ms(t0)).append(" ms; ");
            assertThat(ms(t0)).isLessThan(BOUND_MS);
            proxy.forward();
            assertRecovers(db, proxy, 3);

            // 3. While connecting: a new Database (its probe) and a pool that must open a new connection.
            proxy.blackhole();
            t0 = System.nanoTime();
            assertThatThrownBy(() -> Database.builder(PgFaults.through(direct, proxy.port()))
                    .connectionTimeout(Duration.ofSeconds(CONNECTION_TIMEOUT_S)).open().close())
                    .isInstanceOf(ConnectionException.class);
            figures.append("open while connecting failed after ").append(ms(t0)).append(" ms; ");
            assertThat(ms(t0)).isLessThan(BOUND_MS);
            proxy.forward();
            assertRecovers(db, proxy, 4);

            int rows = db.inTransaction(s -> s.handle().createQuery("select count(*) from t").mapTo(int.class).one());
            assertThat(rows).as("only the recovery inserts; the failed transactions left nothing").isEqualTo(4);
            Reliability.figures("9 postgres silent network loss", "%sproxy connections=%d, retries=%d, elapsed=%d ms",
                    figures, proxy.accepted(), db.retryCount(), ms(start));
        } finally {
            pool.shutdownNow();
        }
    }

    /** Once the network forwards again, new work succeeds (within the same bound). */
    private static void assertRecovers(Database db, TcpProxy proxy, int id) {
        long t0 = System.nanoTime();
        db.useTransaction(s -> s.execute("insert into t(id) values (?)", id));
        assertThat(ms(t0)).as("recovery %d", id).isLessThan(BOUND_MS);
    }

    private static long ms(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }
}
