package io.dataport;

/**
 * An update or delete of an entity whose {@link io.dataport.mapping.Version} is stale: someone else changed the
 * row since it was read. Read the row again and reapply the change.
 */
public class OptimisticLockException extends DataportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed, naming the value and how to fix it
     */
    public OptimisticLockException(String message) {
        super(message);
    }
}
