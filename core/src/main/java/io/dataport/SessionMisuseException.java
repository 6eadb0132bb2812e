package io.dataport;

/**
 * A {@link Session} or transaction was used against its rules: from a thread other than the one that opened
 * it, after its callback returned, or nested in a way that cannot work (a read-write transaction inside a
 * read-only one, a second writer session on one thread). A bug in the calling code, never a database failure:
 * the message says which rule was broken and how to fix the call.
 */
public class SessionMisuseException extends DataportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which rule was broken and what to do instead
     */
    public SessionMisuseException(String message) {
        super(message);
    }
}
