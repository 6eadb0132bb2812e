package io.dataport;

/**
 * {@link Database#migrate()} refused to run or a migration failed: an applied migration was changed or is
 * missing, a pending one is older than the current version, two migrations have one version, or a statement of
 * a migration failed. The message names the migration and what to do; for a failed statement it also carries
 * the statement and the database's message, and the {@linkplain #getCause() cause} is the translated
 * {@link DataportException}. All pending migrations run in one transaction, so after this exception none of
 * them is applied and the history is unchanged.
 */
public class MigrationException extends DataportException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception with a message and no cause.
     *
     * @param message what was refused, naming the migration and the remedy
     */
    public MigrationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with a message and the failure that caused it.
     *
     * @param message what failed, naming the migration, the statement and the remedy
     * @param cause   the failure, usually a {@link StatementException}
     */
    public MigrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
