package io.dataport;

/**
 * Creates and drops entity tables in the database's dialect: identity ids, unique columns, not-null for
 * primitives, {@code VARCHAR(n)} where a length is given; checks that existing tables match the entities; and
 * changes existing tables (columns and indexes) with the same result on every backend, each change in one
 * transaction, so a failure leaves the table as it was.
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

    /**
     * Adds an entity property's column to its existing table, declared as {@link #create} declares it: its type
     * and collation; a primitive is {@code NOT NULL DEFAULT 0} ({@code FALSE} for a boolean), so rows already there
     * hold the Java default, what a repository reads for them; a {@code @Column(unique = true)} property gets a
     * unique index {@code <table>_<column>_key}. Runs in a read-write transaction of its own, or joins the open one.
     *
     * <pre>{@code db.schema().addColumn(User.class, "nickname");}</pre>
     *
     * @param entityType the entity class
     * @param property   the property's Java name
     * @throws MappingException        when the entity has no such property, or it is the id
     * @throws SchemaMismatchException when the table is missing
     * @throws ConfigurationException  when the column exists already
     */
    void addColumn(Class<?> entityType, String property);

    /**
     * Drops a column with the indexes and table constraints that use it, keeping the rows and every other
     * constraint. SQLite rebuilds the table when its {@code ALTER TABLE} cannot drop the column in place.
     *
     * <pre>{@code db.schema().dropColumn("users", "legacy_flag");}</pre>
     *
     * @param table  the table, as mapped (unquoted)
     * @param column the column, unquoted
     * @throws SchemaMismatchException when the table or the column is missing
     */
    void dropColumn(String table, String column);

    /**
     * Renames a column; its indexes, constraints and foreign keys follow it.
     *
     * <pre>{@code db.schema().renameColumn("users", "mail", "email");}</pre>
     *
     * @param table the table, unquoted
     * @param from  the column's name
     * @param to    its new name
     * @throws SchemaMismatchException when the table or the column is missing
     * @throws ConfigurationException  when the table already has a column named {@code to}
     */
    void renameColumn(String table, String from, String to);

    /**
     * Changes a column to the type its property maps to now, converting each stored value (PostgreSQL casts it,
     * failing on a value the type cannot hold; SQLite rebuilds the table and converts by the column's affinity,
     * keeping a value it cannot convert as it is). Constraints, indexes, foreign keys and triggers survive.
     *
     * <pre>{@code db.schema().changeColumnType(User.class, "score");   // after Integer score became Long}</pre>
     *
     * @param entityType the entity class
     * @param property   the property's Java name
     * @throws MappingException        when the entity has no such property, or it is a generated id
     * @throws SchemaMismatchException when the table or the column is missing
     */
    void changeColumnType(Class<?> entityType, String property);

    /**
     * Creates an index on columns of a table.
     *
     * <pre>{@code db.schema().addIndex("users", "users_last_seen", "last_seen");}</pre>
     *
     * @param table   the table, unquoted
     * @param name    the index's name, unique in the schema
     * @param columns the columns, in order
     * @throws SchemaMismatchException when the table or a column is missing
     */
    void addIndex(String table, String name, String... columns);

    /**
     * Adds a unique constraint, as a unique index on every backend: later duplicates fail with a
     * {@link DuplicateKeyException}, and so does this call when the rows already hold one.
     *
     * <pre>{@code db.schema().addUniqueIndex("users", "users_email_key", "email");}</pre>
     *
     * @param table   the table, unquoted
     * @param name    the index's name, unique in the schema
     * @param columns the columns, in order
     * @throws SchemaMismatchException when the table or a column is missing
     */
    void addUniqueIndex(String table, String name, String... columns);

    /**
     * Drops an index (one that {@link #addIndex} or {@link #addUniqueIndex} made, or any named index).
     *
     * <pre>{@code db.schema().dropIndex("users_last_seen");}</pre>
     *
     * @param name the index's name
     * @throws StatementException when no index has that name
     */
    void dropIndex(String name);
}
