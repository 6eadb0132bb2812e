package io.dataport.sqlite;

import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * SQLite's reader connections: a fixed number of slots, each opened on first use and lent to one thread at a
 * time. A permit of a fair semaphore stands for a free slot, so that waiting threads are served in order; a
 * thread with a permit takes the slot it used last when that one is free (its own connection, warm statement
 * cache, no write to anything shared but that slot's state), else the first free one. Thread-safe.
 *
 * <p>Why not a queue of idle connections and a set of lent ones (the previous design): each read then wrote both,
 * under a lock and a concurrent map, where the limit of W5 (a connection per thread) writes nothing shared.
 */
final class ReaderPool {
    private static final int FREE = 0;
    private static final int LENT = 1;

    private final Slot[] slots;
    private final Semaphore permits;
    /** Opens a reader connection; fails with Dataport's exceptions. */
    private final Supplier<Connection> opener;
    private final Map<Connection, Slot> byConnection = new ConcurrentHashMap<>();
    private final ThreadLocal<Slot> last = new ThreadLocal<>();

    /** One reader: its state and its connection, null until first lent (or after it was retired). */
    private static final class Slot {
        final AtomicInteger state = new AtomicInteger(FREE);
        volatile Connection connection;
    }

    ReaderPool(int size, Supplier<Connection> opener) {
        this.slots = new Slot[size];
        for (int i = 0; i < size; i++) {
            slots[i] = new Slot();
        }
        this.permits = new Semaphore(size, true);
        this.opener = opener;
    }

    /** Opens the first reader now (a read-only database checks its file at once). */
    void openFirst() {
        Connection c = opener.get();
        slots[0].connection = c;
        byConnection.put(c, slots[0]);
    }

    /**
     * Lends a reader, waiting at most {@code timeoutMillis} for one to be free.
     *
     * @return the connection, or null when none was free in time
     */
    Connection take(long timeoutMillis) throws InterruptedException {
        if (!permits.tryAcquire(timeoutMillis, TimeUnit.MILLISECONDS)) {
            return null;
        }
        Slot slot = last.get();
        if (slot == null || !slot.state.compareAndSet(FREE, LENT)) {
            slot = claimFree();
        }
        try {
            if (slot.connection == null) {
                Connection c = opener.get();
                byConnection.put(c, slot);
                slot.connection = c;
            }
        } catch (RuntimeException e) {
            slot.state.set(FREE);
            permits.release();
            throw e;
        }
        last.set(slot);
        return slot.connection;
    }

    /** A free slot, claimed; one exists while the caller holds a permit. */
    private Slot claimFree() {
        while (true) {
            for (Slot s : slots) {
                if (s.state.get() == FREE && s.state.compareAndSet(FREE, LENT)) {
                    return s;
                }
            }
            // A slot is marked free just before its permit is released; never long.
            Thread.onSpinWait();
        }
    }

    /**
     * Takes back a lent reader.
     *
     * @return false when {@code c} is no reader lent by this pool
     */
    boolean giveBack(Connection c) {
        Slot slot = byConnection.get(c);
        if (slot == null || slot.connection != c || !slot.state.compareAndSet(LENT, FREE)) {
            return false;
        }
        permits.release();
        return true;
    }

    /** How many readers are lent now. */
    int lent() {
        int n = 0;
        for (Slot s : slots) {
            n += s.state.get() == LENT ? 1 : 0;
        }
        return n;
    }

    /** How many readers are open and free now. */
    int idle() {
        int n = 0;
        for (Slot s : slots) {
            n += s.state.get() == FREE && s.connection != null ? 1 : 0;
        }
        return n;
    }

    /** How many threads wait for a reader. */
    int waiting() {
        return permits.getQueueLength();
    }

    /** Closes the free readers' connections (the pool opens new ones on demand); returns how many. */
    int retireIdle(Consumer<Connection> closer) {
        int retired = 0;
        for (Slot s : slots) {
            if (!permits.tryAcquire()) {
                break;
            }
            if (s.state.compareAndSet(FREE, LENT)) {
                Connection c = s.connection;
                if (c != null) {
                    s.connection = null;
                    byConnection.remove(c);
                    closer.accept(c);
                    retired++;
                }
                s.state.set(FREE);
            }
            permits.release();
        }
        return retired;
    }

    /** Every open reader connection, lent or free (at close). */
    void forEachOpen(Consumer<Connection> action) {
        for (Slot s : slots) {
            Connection c = s.connection;
            if (c != null) {
                action.accept(c);
            }
        }
    }
}
