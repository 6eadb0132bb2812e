package io.dataport;

/**
 * Query input that cannot work, found before any SQL runs: a sort property the entity does not have, an
 * empty sort key, a negative page number or a page size out of range. Such input usually comes from a
 * request (a web app answers it with HTTP 400), unlike a {@link ConfigurationException}, which is a mistake in
 * the application's code or settings.
 */
public class InvalidQueryException extends DataportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the input, the problem and the accepted values
     */
    public InvalidQueryException(String message) {
        super(message);
    }
}
