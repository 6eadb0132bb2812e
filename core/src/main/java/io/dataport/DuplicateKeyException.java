package io.dataport;

/**
 * An insert or update would duplicate a primary key or a unique column.
 */
public class DuplicateKeyException extends StatementException {
    private static final long serialVersionUID = 1L;

    public DuplicateKeyException(String message, String sql, Throwable cause) {
        super(message, sql, cause);
    }
}
