package io.dataport;

import io.dataport.internal.HandleAccess;
import org.jdbi.v3.core.Handle;

import java.util.function.Function;

/** Where a repository from {@link Session#repository} runs: always in that session. */
final class SessionHandles implements HandleAccess, HandleAccess.StreamHandle {
    private final Session session;

    SessionHandles(Session session) {
        this.session = session;
    }

    @Override
    public <R> R read(Function<Handle, R> work) {
        return work.apply(session.handle());
    }

    @Override
    public <R> R write(Function<Handle, R> work) {
        return work.apply(session.handle());
    }

    @Override
    public StreamHandle openStream() {
        return this;
    }

    @Override
    public Handle handle() {
        return session.handle();
    }

    @Override
    public void release() {
        // The session's owner closes it.
    }
}
