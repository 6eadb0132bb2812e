package io.dataport;

/**
 * An entity class the mapper cannot handle: no {@code @Id}, two ids, an unsupported property type, a result
 * without a column the entity needs. The message names the class and the property.
 */
public class MappingException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed, naming the value and how to fix it
     */
    public MappingException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the exception that caused it.
     *
     * @param message what failed, naming the value and how to fix it
     * @param cause   the underlying exception, usually the driver's
     */
    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
