package io.dataport.internal;

import io.dataport.Schema;
import io.dataport.spi.Dialect;

import java.util.Objects;

/** {@link Schema} in one dialect: each call runs its statements in one write transaction. */
public final class EntitySchema implements Schema {
    private final Dialect dialect;
    private final HandleAccess access;

    public EntitySchema(Dialect dialect, HandleAccess access) {
        this.dialect = dialect;
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
        String[] statements = new String[entityTypes.length];
        for (int i = 0; i < entityTypes.length; i++) {
            EntitySql sql = EntityInfo.of(Objects.requireNonNull(entityTypes[i], "entity type")).sql(dialect);
            statements[i] = create ? sql.createTable() : sql.dropTable();
        }
        access.write(h -> {
            for (String statement : statements) {
                h.createUpdate(statement).execute();
            }
            return null;
        });
    }

    @Override
    public String createSql(Class<?> entityType) {
        return EntityInfo.of(Objects.requireNonNull(entityType, "entityType")).sql(dialect).createTable();
    }
}
