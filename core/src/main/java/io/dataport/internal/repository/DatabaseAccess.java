package io.dataport.internal.repository;

import io.dataport.internal.session.SessionState;
import io.dataport.internal.session.StreamLease;
import io.dataport.internal.session.TransactionRunner;
import io.dataport.spi.Access;

import java.util.function.Function;

/**
 * Where a repository from {@code Database.repository} runs: in the transaction open on the calling thread, or
 * else in one of its own (reads read-only, on SQLite's reader pool; writes read-write, retried on conflict).
 */
public final class DatabaseAccess implements RepositoryAccess {
    private final TransactionRunner runner;

    /** The access of a Database's repositories. */
    public DatabaseAccess(TransactionRunner runner) {
        this.runner = runner;
    }

    @Override
    public <R> R read(Function<SessionState, R> work) {
        return runner.repositoryOperation(Access.READ_ONLY, work);
    }

    @Override
    public <R> R readOneStatement(Function<SessionState, R> work) {
        return runner.oneStatement(Access.READ_ONLY, work);
    }

    @Override
    public <R> R write(Function<SessionState, R> work) {
        return runner.repositoryOperation(Access.READ_WRITE, work);
    }

    @Override
    public <R> R writeOneStatement(Function<SessionState, R> work) {
        return runner.oneStatement(Access.READ_WRITE, work);
    }

    @Override
    public StreamLease openStream() {
        return runner.openStream();
    }
}
