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

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed, naming the value and how to fix it
     */
    public DataportException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the exception that caused it.
     *
     * @param message what failed, naming the value and how to fix it
     * @param cause   the underlying exception, usually the driver's
     */
    public DataportException(String message, Throwable cause) {
        super(message, cause);
    }
}
