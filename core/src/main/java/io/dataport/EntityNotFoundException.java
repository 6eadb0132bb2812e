package io.dataport;

/** An update or lookup that required a row found none with the entity's id. */
public class EntityNotFoundException extends DataportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed, naming the value and how to fix it
     */
    public EntityNotFoundException(String message) {
        super(message);
    }
}
