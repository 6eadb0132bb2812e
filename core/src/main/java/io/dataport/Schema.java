package io.dataport;

/**
 * Creates and drops entity tables in the database's dialect: identity ids, unique columns, not-null for
 * primitives, {@code VARCHAR(n)} where a length is given.
 *
 * <pre>{@code db.schema().create(User.class, Post.class);}</pre>
 */
public interface Schema {

    /**
     * Runs {@code CREATE TABLE IF NOT EXISTS} for each entity class, in the order given.
     *
     * @param entityTypes the entity classes
     */
    void create(Class<?>... entityTypes);

    /**
     * Runs {@code DROP TABLE IF EXISTS} for each entity class, in the order given.
     *
     * @param entityTypes the entity classes
     */
    void drop(Class<?>... entityTypes);

    /**
     * Gives the DDL {@link #create} runs for an entity class, for review or migrations.
     *
     * @param entityType the entity class
     * @return the {@code CREATE TABLE} statement
     */
    String createSql(Class<?> entityType);
}
