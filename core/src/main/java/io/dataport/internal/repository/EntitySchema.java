package io.dataport.internal.repository;

import io.dataport.Schema;
import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.sql.EntitySql;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.spi.Dialect;

import java.util.Objects;

/** {@link Schema} in one dialect: each call runs its statements in one write transaction. */
final class EntitySchema implements Schema {
    private final Dialect dialect;
    private final StatementRunner statements;
    private final RepositoryAccess access;

    EntitySchema(Dialect dialect, StatementRunner statements, RepositoryAccess access) {
        this.dialect = dialect;
        this.statements = statements;
        this.access = access;
    }

    @Override
    public void create(Class<?>... entityTypes) {
        run(true, entityTypes);
    }

    @Override
    public void drop(Class<?>... entityTypes) {
        run(false, entityTypes);
    }

    private void run(boolean create, Class<?>... entityTypes) {
        Objects.requireNonNull(entityTypes, "entityTypes");
        String[] ddl = new String[entityTypes.length];
        for (int i = 0; i < entityTypes.length; i++) {
            EntitySql sql = EntityInfo.of(Objects.requireNonNull(entityTypes[i], "entity type")).sql(dialect);
            ddl[i] = create ? sql.createTable() : sql.dropTable();
        }
        access.write(s -> {
            for (String statement : ddl) {
                statements.run(s, statement, bound -> bound.jdbc().executeUpdate());
            }
            return null;
        });
    }

    @Override
    public String createSql(Class<?> entityType) {
        return EntityInfo.of(Objects.requireNonNull(entityType, "entityType")).sql(dialect).createTable();
    }
}
