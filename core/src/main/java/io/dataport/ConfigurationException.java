package io.dataport;

/**
 * A URL, option or mapping that cannot work: wrong scheme, malformed URL, impossible value, missing directory.
 * The message names the value and says how to fix it.
 */
public class ConfigurationException extends DataportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what failed, naming the value and how to fix it
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the exception that caused it.
     *
     * @param message what failed, naming the value and how to fix it
     * @param cause   the underlying exception, usually the driver's
     */
    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
