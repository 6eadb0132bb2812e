package io.dataport.internal.repository;

import io.dataport.internal.session.SessionState;
import io.dataport.internal.session.StreamLease;

import java.util.function.Function;

/**
 * Where a repository runs its statements: in the transaction open on the calling thread or one of its own
 * (a repository from a Database, {@link DatabaseAccess}), or always in one session (a repository from a
 * Session, {@link SessionAccess}).
 */
public interface RepositoryAccess {

    /** Runs work that only reads; outside a transaction, in a read-only transaction of its own. */
    <R> R read(Function<SessionState, R> work);

    /**
     * Runs one statement that only reads. Outside a transaction it needs none of its own (one statement reads
     * one consistent state): a Database runs it on a connection borrowed for it alone, without BEGIN and
     * COMMIT (on PostgreSQL one round trip, not three).
     */
    <R> R readOneStatement(Function<SessionState, R> work);

    /** Runs work that writes; outside a transaction, in a read-write transaction of its own (retried). */
    <R> R write(Function<SessionState, R> work);

    /** Runs one statement that writes, like {@link #write}, without a session object of its own. */
    <R> R writeOneStatement(Function<SessionState, R> work);

    /**
     * A session for a stream, held until {@link StreamLease#release()}: outside a transaction, a read-only
     * transaction of its own, confined to the calling thread.
     */
    StreamLease openStream();
}
