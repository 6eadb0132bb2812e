package io.dataport;

/** An update or lookup that required a row found none with the entity's id. */
public class EntityNotFoundException extends DataportException {
    private static final long serialVersionUID = 1L;

    public EntityNotFoundException(String message) {
        super(message);
    }
}
