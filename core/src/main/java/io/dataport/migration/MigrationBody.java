package io.dataport.migration;

import io.dataport.Session;

/**
 * The work of a Java {@link Migration}: it runs in the migration transaction, on its session.
 *
 * <pre>{@code Migration.of("3", "backfill owners", s -> s.execute("update item set owner = 'nobody'"))}</pre>
 */
@FunctionalInterface
public interface MigrationBody {

    /**
     * Changes the schema or the data. An exception rolls back every pending migration.
     *
     * @param session the session of the migration transaction; {@code session.database().schema()} and
     *                repositories join that transaction
     * @throws Exception when the migration fails
     */
    void migrate(Session session) throws Exception;
}
