package io.dataport;

/**
 * A write was attempted in a read-only transaction or on a read-only {@link Database}.
 */
public class ReadOnlyException extends StatementException {
    private static final long serialVersionUID = 1L;

    public ReadOnlyException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
