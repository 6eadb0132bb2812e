package io.dataport.internal.repository;

import io.dataport.CrudRepository;
import io.dataport.Schema;
import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.spi.Dialect;
import io.dataport.spi.ValueCodec;

import java.util.Objects;

/** Makes the repositories and the schema of one Database, in its dialect and codec. Thread-safe. */
public final class Repositories {
    private final Dialect dialect;
    private final ValueCodec codec;
    private final StatementRunner statements;

    /** The factory of one Database. */
    public Repositories(Dialect dialect, ValueCodec codec, StatementRunner statements) {
        this.dialect = dialect;
        this.codec = codec;
        this.statements = statements;
    }

    /** The repository of an entity type, running where {@code access} says. */
    public <T, ID> CrudRepository<T, ID> repository(Class<T> entityType, RepositoryAccess access) {
        return new EntityRepository<>(EntityInfo.of(Objects.requireNonNull(entityType, "entityType")), dialect, codec,
                statements, access);
    }

    /** The schema operations, running where {@code access} says. */
    public Schema schema(RepositoryAccess access) {
        return new EntitySchema(dialect, statements, access);
    }
}
