package io.dataport;

/**
 * Creates and drops entity tables in the database's dialect: identity ids, unique columns, not-null for
 * primitives, {@code VARCHAR(n)} where a length is given; and checks that existing tables match the entities.
 *
 * <pre>{@code db.schema().create(User.class, Post.class);
 * db.schema().validate(User.class, Post.class);   // at startup: every difference in one exception}</pre>
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

    /**
     * Compares entity classes with the live tables and fails with every difference at once: a missing table
     * or column, a column whose declared type cannot hold its property's values, a nullable column behind a
     * primitive property (a null could not be read). Columns the entities do not map are allowed, and so is a
     * {@code NOT NULL} column behind a nullable property (storing null fails with a constraint violation).
     * Repositories do not validate on creation: call this once at startup.
     *
     * <pre>{@code db.schema().validate(User.class, Post.class);}</pre>
     *
     * @param entityTypes the entity classes
     * @throws SchemaMismatchException listing every difference, each naming the table, the column and the remedy
     */
    void validate(Class<?>... entityTypes);
}
