package io.dataport;

/**
 * A URL, option or mapping that cannot work: wrong scheme, malformed URL, impossible value, missing directory.
 * The message names the value and says how to fix it.
 */
public class ConfigurationException extends DataportException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
