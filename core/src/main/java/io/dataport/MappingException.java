package io.dataport;

/**
 * An entity class the mapper cannot handle: no {@code @Id}, two ids, an unsupported property type, a result
 * without a column the entity needs. The message names the class and the property.
 */
public class MappingException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    public MappingException(String message) {
        super(message);
    }

    public MappingException(String message, Throwable cause) {
        super(message, cause);
    }
}
