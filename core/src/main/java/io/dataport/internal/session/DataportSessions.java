package io.dataport.internal.session;

import io.dataport.Session;

/** Reaches the state behind a {@link Session} that Dataport handed out. */
public final class DataportSessions {
    private DataportSessions() {
    }

    /** The state of a session Dataport opened. */
    public static SessionState state(Session session) {
        return ((DataportSession) session).state();
    }
}
