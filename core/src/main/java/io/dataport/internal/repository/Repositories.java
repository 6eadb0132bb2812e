package io.dataport.internal.repository;

import io.dataport.CrudRepository;
import io.dataport.MappingException;
import io.dataport.Schema;
import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.spi.Dialect;
import io.dataport.spi.ValueCodec;

import java.util.Locale;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.concurrent.ConcurrentHashMap;

/** Makes the repositories and the schema of one Database, in its dialect and codec. Thread-safe. */
public final class Repositories {
    private final Dialect dialect;
    private final ValueCodec codec;
    private final StatementRunner statements;
    /** The first entity class seen per table name folded to lower case: see {@link #entity}. */
    private final Map<String, Class<?>> tables = new ConcurrentHashMap<>();

    /** The factory of one Database. */
    public Repositories(Dialect dialect, ValueCodec codec, StatementRunner statements) {
        this.dialect = dialect;
        this.codec = codec;
        this.statements = statements;
    }

    /** The database's codec, for rows of the application's own queries. */
    public ValueCodec codec() {
        return codec;
    }

    /** The repository of an entity type, running where {@code access} says. */
    public <T, ID> CrudRepository<T, ID> repository(Class<T> entityType, RepositoryAccess access) {
        return new EntityRepository<>(entity(Objects.requireNonNull(entityType, "entityType")), dialect, codec,
                statements, access);
    }

    /**
     * The schema operations, running where {@code access} says; {@code pendingMigrations} names the migrations
     * not applied yet, for the drift message of {@code validate}.
     */
    public Schema schema(RepositoryAccess access, Supplier<List<String>> pendingMigrations) {
        return new EntitySchema(dialect, statements, access, this::entity, pendingMigrations);
    }

    /**
     * The mapping of an entity class used by this Database, refused when another entity class of the Database
     * maps to a table whose name differs from its own only in case: SQLite folds case in names (one table for
     * both) and PostgreSQL does not for quoted names (two tables), so such a pair cannot behave alike. Two classes
     * on the very same table name are allowed.
     *
     * @throws MappingException naming both classes and their tables
     */
    <T> EntityInfo<T> entity(Class<T> entityType) {
        EntityInfo<T> info = EntityInfo.of(entityType);
        Class<?> first = tables.putIfAbsent(info.table().toLowerCase(Locale.ROOT), entityType);
        if (first != null && first != entityType) {
            String other = EntityInfo.of(first).table();
            if (!other.equals(info.table())) {
                throw new MappingException("Entity " + entityType.getName() + " maps to table " + info.table()
                        + ", whose name differs only in case from table " + other + " of entity " + first.getName()
                        + ": SQLite would keep both in one table, PostgreSQL in two. Spell both names the same "
                        + "(prefer lower case) with @Table.");
            }
        }
        return info;
    }
}
