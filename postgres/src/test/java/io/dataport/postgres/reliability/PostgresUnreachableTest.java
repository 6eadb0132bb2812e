package io.dataport.postgres.reliability;

import io.dataport.ConnectionException;
import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.contract.Reliability;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A server that cannot be reached fails each call within the connect timeout, not the pool's 30 s wait: nothing
 * listening on the port (refused), and a server that accepts TCP connections but never answers (frozen), at
 * open and after. An interrupt while waiting is a {@link ConnectionException} that keeps the interrupt flag.
 * Upper bounds only: they prove the call does not wait for the pool.
 */
@Tag(Reliability.TAG)
class PostgresUnreachableTest {
    private static final Duration POOL_WAIT = Duration.ofSeconds(30);
    /** {@code connect_timeout=2} plus a margin. */
    private static final Duration BOUND = Duration.ofSeconds(5);

    @Table("item")
    public record Item(@Id Long id, String name) {
    }

    @Test
    void nothingListeningFailsEachCallWithinTheConnectTimeout() throws Exception {
        String url = "postgresql://app@127.0.0.1:" + TcpProxy.freePort() + "/app?connect_timeout=2";
        try (Database db = Database.builder(url).connectionTimeout(POOL_WAIT).open()) {
            CrudRepository<Item, Long> items = db.repository(Item.class);
            long ping = failsWithin(BOUND, "Connection refused", db::ping);
            long transaction = failsWithin(BOUND, "Connection refused",
                    () -> db.useTransaction(s -> s.execute("insert into item (id, name) values (1, 'a')")));
            long repository = failsWithin(BOUND, "Connection refused", () -> items.findById(1L));
            Reliability.figures("postgres unreachable, connect_timeout=2", "ping failed after %d ms, transaction "
                    + "after %d ms, repository call after %d ms (pool wait %d s)", ping, transaction, repository,
                    POOL_WAIT.toSeconds());
        }
    }

    @Test
    void nothingListeningFailsWellUnderThePoolWaitByDefault() throws Exception {
        String url = "postgresql://app@127.0.0.1:" + TcpProxy.freePort() + "/app";
        try (Database db = Database.builder(url).connectionTimeout(POOL_WAIT).open()) {
            long ping = failsWithin(Duration.ofSeconds(10), "Connection refused", db::ping);
            Reliability.figures("postgres unreachable, default connect timeout", "ping failed after %d ms (pool "
                    + "wait %d s)", ping, POOL_WAIT.toSeconds());
        }
    }

    @Test
    void frozenServerFailsWithinTheConnectTimeout() throws Exception {
        try (TcpProxy frozen = TcpProxy.start("127.0.0.1", TcpProxy.freePort())) {
            frozen.blackhole();
            String url = "postgresql://app@127.0.0.1:" + frozen.port() + "/app?connect_timeout=2";
            // pgjdbc's "Connection attempt timed out" is translated in other locales: no reason asserted.
            long open = failsWithin(BOUND, null, () -> {
                try (Database db = Database.builder(url).connectionTimeout(POOL_WAIT).open()) {
                    db.ping();
                }
            });
            Reliability.figures("postgres frozen at open, connect_timeout=2", "open failed after %d ms", open);
        }
    }

    @Test
    void serverThatFreezesAfterOpenFailsCallsWithinTheConnectTimeout() throws Exception {
        int port = TcpProxy.freePort();
        String url = "postgresql://app@127.0.0.1:" + port + "/app?connect_timeout=2";
        try (Database db = Database.builder(url).connectionTimeout(POOL_WAIT).open();
             TcpProxy frozen = TcpProxy.startOn(port, "127.0.0.1", TcpProxy.freePort())) {
            frozen.blackhole();
            long ping = failsWithin(BOUND, null, db::ping);
            long transaction = failsWithin(BOUND, null, () -> db.useTransaction(s -> s.execute("select 1")));
            Reliability.figures("postgres frozen after open, connect_timeout=2", "ping failed after %d ms, "
                    + "transaction after %d ms", ping, transaction);
        }
    }

    /** Runs {@code call}, which must fail with ConnectionException within {@code bound}; returns the time taken. */
    private static long failsWithin(Duration bound, String reason, ThrowingCallable call) {
        long start = System.nanoTime();
        ConnectionException e = catchThrowableOfType(ConnectionException.class, call);
        long ms = (System.nanoTime() - start) / 1_000_000;
        assertThat(e).as("a ConnectionException").isNotNull();
        if (reason != null) {
            assertThat(e.getMessage()).contains(reason);
        }
        assertThat(Duration.ofMillis(ms)).as("time to fail: " + e.getMessage()).isLessThan(bound);
        System.out.println("failed after " + ms + " ms: " + e.getMessage());
        return ms;
    }
}
