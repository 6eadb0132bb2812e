package io.dataport.internal.session;

/** The session a stream reads through, held until the stream is closed. */
public interface StreamLease {
    /** The session's state. */
    SessionState state();

    /** Gives the session back (a no-op for a stream in the caller's own session). */
    void release();
}
