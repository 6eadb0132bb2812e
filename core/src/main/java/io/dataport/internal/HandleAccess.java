package io.dataport.internal;

import org.jdbi.v3.core.Handle;

import java.util.function.Function;

/**
 * Where a repository runs its statements: in the transaction open on the calling thread or one of its own
 * (a repository from a Database), or always in one session (a repository from a Session).
 */
public interface HandleAccess {

    /** Runs read-only work; outside a transaction, in a read-only transaction of its own. */
    <R> R read(Function<Handle, R> work);

    /**
     * Runs one statement of the repository's own that only reads. Outside a transaction it needs none of its
     * own (one statement reads one consistent state): the default runs it like {@link #read}; a Database runs it
     * on a connection borrowed for it alone, without BEGIN and COMMIT (on PostgreSQL one round trip, not three).
     */
    default <R> R readOneStatement(String sql, DirectStatement.Work<R> work) {
        return read(h -> DirectStatement.run(h, sql, work));
    }

    /** Runs work that writes; outside a transaction, in a read-write transaction of its own (retried). */
    <R> R write(Function<Handle, R> work);

    /** Runs one statement of the repository's own that writes, like {@link #write}, on its kept statement. */
    default <R> R writeOneStatement(String sql, DirectStatement.Work<R> work) {
        return write(h -> DirectStatement.run(h, sql, work));
    }

    /**
     * A handle for a stream, held until {@link StreamHandle#release()}: outside a transaction, a read-only
     * transaction of its own, confined to the calling thread.
     */
    StreamHandle openStream();

    /** A handle lent to a stream and what gives it back. */
    interface StreamHandle {
        Handle handle();

        void release();
    }
}
