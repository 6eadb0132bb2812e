package io.dataport.internal.repository;

import io.dataport.internal.session.SessionState;
import io.dataport.internal.session.StreamLease;

import java.util.function.Function;

/** Where a repository from {@code Session.repository} runs: always in that session. */
public final class SessionAccess implements RepositoryAccess {
    private final SessionState state;

    /** The access of a session's repositories. */
    public SessionAccess(SessionState state) {
        this.state = state;
    }

    @Override
    public <R> R read(Function<SessionState, R> work) {
        state.checkUsable();
        return work.apply(state);
    }

    @Override
    public <R> R readOneStatement(Function<SessionState, R> work) {
        return read(work);
    }

    @Override
    public <R> R write(Function<SessionState, R> work) {
        state.checkUsable();
        return work.apply(state);
    }

    @Override
    public <R> R writeOneStatement(Function<SessionState, R> work) {
        return write(work);
    }

    @Override
    public StreamLease openStream() {
        state.checkUsable();
        return StreamLease.inOwnSession(state);
    }
}
