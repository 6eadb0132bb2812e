package io.dataport;

/**
 * The root of every exception Dataport throws: unchecked, and the same type for the same failure on every
 * backend.
 *
 * <p>Catch a subclass to react to one kind of failure, for example {@link DuplicateKeyException} to answer
 * "e-mail already taken". The original driver exception, when there is one, is the {@linkplain #getCause()
 * cause}.
 */
public class DataportException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public DataportException(String message) {
        super(message);
    }

    public DataportException(String message, Throwable cause) {
        super(message, cause);
    }
}
