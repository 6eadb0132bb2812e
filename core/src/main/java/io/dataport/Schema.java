package io.dataport;

/**
 * Creates and drops entity tables in the database's dialect: identity ids, unique columns, not-null for
 * primitives, {@code VARCHAR(n)} where a length is given.
 *
 * <pre>{@code db.schema().create(User.class, Post.class);}</pre>
 */
public interface Schema {

    /** {@code CREATE TABLE IF NOT EXISTS} for each entity class, in the order given. */
    void create(Class<?>... entityTypes);

    /** {@code DROP TABLE IF EXISTS} for each entity class, in the order given. */
    void drop(Class<?>... entityTypes);

    /** The DDL {@link #create} runs for an entity class, for review or migrations. */
    String createSql(Class<?> entityType);
}
