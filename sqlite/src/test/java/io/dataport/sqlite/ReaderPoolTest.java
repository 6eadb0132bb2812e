package io.dataport.sqlite;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The reader slots: a thread gets its own reader again, a pool lends each reader once, waits are bounded. */
class ReaderPoolTest {
    private final List<Connection> opened = new ArrayList<>();

    private ReaderPool pool(int size) {
        return new ReaderPool(size, () -> {
            Connection c = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> method.getName().equals("equals")
                            ? proxy == args[0] : method.getName().equals("hashCode") ? System.identityHashCode(proxy)
                            : null);
            opened.add(c);
            return c;
        });
    }

    @Test
    void aThreadGetsTheReaderItUsedLastWhileOthersAreFree() throws Exception {
        ReaderPool readers = pool(4);
        Connection first = readers.take(1000);
        Connection second = readers.take(1000);
        assertThat(second).isNotSameAs(first);
        assertThat(readers.giveBack(first)).isTrue();
        assertThat(readers.giveBack(second)).isTrue();
        assertThat(readers.take(1000)).as("the last one this thread took").isSameAs(second);
        assertThat(opened).hasSize(2);
        assertThat(readers.lent()).isEqualTo(1);
        assertThat(readers.idle()).isEqualTo(1);
    }

    @Test
    void eachReaderIsLentOnceAndAFullPoolWaitsThenRefuses() throws Exception {
        ReaderPool readers = pool(2);
        Connection a = readers.take(1000);
        Connection b = readers.take(1000);
        assertThat(readers.take(50)).as("none free within the wait").isNull();
        CompletableFuture<Connection> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                return readers.take(30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }, task -> new Thread(task).start());
        assertThat(readers.giveBack(a)).isTrue();
        assertThat(waiting.get(30, TimeUnit.SECONDS)).isSameAs(a);
        assertThat(readers.giveBack(a)).isTrue();
        assertThat(readers.giveBack(a)).as("given back twice").isFalse();
        assertThat(readers.giveBack(b)).isTrue();
        assertThat(opened).hasSize(2);
    }

    @Test
    void retiringClosesTheFreeReadersAndTheNextTakeOpensAFreshOne() throws Exception {
        ReaderPool readers = pool(2);
        Connection a = readers.take(1000);
        Connection b = readers.take(1000);
        readers.giveBack(a);
        List<Connection> closed = new ArrayList<>();
        assertThat(readers.retireIdle(closed::add)).isEqualTo(1);
        assertThat(closed).containsExactly(a);
        assertThat(readers.giveBack(a)).as("a retired reader is no longer lent").isFalse();
        Connection fresh = readers.take(1000);
        assertThat(fresh).isNotSameAs(a).isNotSameAs(b);
        assertThat(readers.lent()).isEqualTo(2);
    }
}
