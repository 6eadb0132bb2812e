package io.dataport.internal.session;

/** The session a stream reads through, held until the stream is closed. */
public interface StreamLease {
    /** The session's state. */
    SessionState state();

    /** Gives the session back (a no-op for a stream in the caller's own session). */
    void release();

    /** A lease on a session the caller owns and closes: releasing it does nothing. */
    static StreamLease inOwnSession(SessionState state) {
        return new StreamLease() {
            @Override
            public SessionState state() {
                return state;
            }

            @Override
            public void release() {
                // The session's owner closes it.
            }
        };
    }
}
