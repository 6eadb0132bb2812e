package io.dataport.internal.repository;

import io.dataport.ConfigurationException;
import io.dataport.Schema;
import io.dataport.SchemaMismatchException;
import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.entity.PropertyInfo;
import io.dataport.internal.session.SessionState;
import io.dataport.internal.sql.EntitySql;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** {@link Schema} in one dialect: each call runs its statements in one write transaction. */
final class EntitySchema implements Schema {
    private final Dialect dialect;
    private final StatementRunner statements;
    private final RepositoryAccess access;
    /** The mapping of an entity class, checked against the Database's other entities. */
    private final Function<Class<?>, EntityInfo<?>> entities;

    EntitySchema(Dialect dialect, StatementRunner statements, RepositoryAccess access,
                 Function<Class<?>, EntityInfo<?>> entities) {
        this.dialect = dialect;
        this.statements = statements;
        this.access = access;
        this.entities = entities;
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
            EntitySql sql = entities.apply(Objects.requireNonNull(entityTypes[i], "entity type")).sql(dialect);
            ddl[i] = create ? sql.createTable() : sql.dropTable();
        }
        access.write(s -> {
            for (String statement : ddl) {
                statements.run(s, statement, bound -> bound.executeUpdate());
            }
            return null;
        });
    }

    @Override
    public String createSql(Class<?> entityType) {
        return entities.apply(Objects.requireNonNull(entityType, "entityType")).sql(dialect).createTable();
    }

    @Override
    public void validate(Class<?>... entityTypes) {
        Objects.requireNonNull(entityTypes, "entityTypes");
        String query = dialect.tableColumnsQuery();
        if (query == null) {
            throw new ConfigurationException("Schema validation is not supported by the " + dialect.name()
                    + " backend: its dialect cannot read a table's columns. Implement Dialect.tableColumnsQuery.");
        }
        List<EntityInfo<?>> infos = new ArrayList<>();
        for (Class<?> type : entityTypes) {
            infos.add(entities.apply(Objects.requireNonNull(type, "entity type")));
        }
        List<String> differences = access.read(s -> {
            List<String> found = new ArrayList<>();
            for (EntityInfo<?> info : infos) {
                compare(info, columns(s, query, info.table()), found);
            }
            return found;
        });
        if (!differences.isEmpty()) {
            throw new SchemaMismatchException(differences);
        }
    }

    /** A column as the database declares it. */
    private record LiveColumn(String type, boolean nullable) {
    }

    /** The table's columns by name (lower case: both backends fold unquoted names, and mapped names are plain). */
    private Map<String, LiveColumn> columns(SessionState s, String query, String table) {
        return statements.run(s, query, statement -> {
            statement.bind(1, ColumnType.STRING, table);
            Map<String, LiveColumn> columns = new HashMap<>();
            try (ResultSet rs = statement.executeQuery()) {
                while (statement.next(rs)) {
                    String type = rs.getString(2);
                    columns.put(rs.getString(1).toLowerCase(Locale.ROOT),
                            new LiveColumn(type == null ? "" : type, rs.getBoolean(3)));
                }
            }
            return columns;
        });
    }

    private void compare(EntityInfo<?> info, Map<String, LiveColumn> live, List<String> differences) {
        String entity = info.type().getSimpleName();
        if (live.isEmpty()) {
            differences.add("Table \"" + info.table() + "\" of entity " + entity + " is missing. Create it with "
                    + "db.schema().create(" + entity + ".class) or a migration (db.schema().createSql gives the DDL).");
            return;
        }
        for (PropertyInfo p : info.properties()) {
            LiveColumn column = live.get(p.column().toLowerCase(Locale.ROOT));
            String where = "Table \"" + info.table() + "\" column \"" + p.column() + "\" (" + entity + "."
                    + p.name() + ")";
            String wanted = p.id && info.generatedId ? dialect.generatedIdColumn(p.type)
                    : dialect.columnType(p.type, p.length, p.precision, p.scale);
            if (column == null) {
                differences.add(where + " is missing. Add it: ALTER TABLE " + dialect.quote(info.table()) + " ADD COLUMN "
                        + dialect.quote(p.column()) + " " + wanted + "; or map the property to an existing column "
                        + "with @Column(name = ...).");
                continue;
            }
            if (!dialect.canHold(column.type(), p.type, p.length, p.precision, p.scale)) {
                differences.add(where + " is " + (column.type().isEmpty() ? "untyped" : column.type()) + ", which "
                        + "cannot hold every " + p.javaType.getSimpleName() + " the property allows"
                        + declared(p) + ". Change the column to " + wanted + ", or the property's mapping.");
            }
            if (p.primitive && column.nullable() && !p.id) {
                differences.add(where + " accepts null, which a primitive " + p.javaType.getSimpleName()
                        + " cannot hold. Make the column NOT NULL, or the property a " + wrapper(p.javaType) + ".");
            }
        }
    }

    private static String declared(PropertyInfo p) {
        return p.precision > 0 ? " (@Column(precision = " + p.precision + ", scale = " + p.scale + "))"
                : p.length > 0 ? " (@Column(length = " + p.length + "))" : "";
    }

    private static String wrapper(Class<?> primitive) {
        return primitive == int.class ? "Integer" : primitive == long.class ? "Long" : primitive == short.class
                ? "Short" : primitive == boolean.class ? "Boolean" : primitive == double.class ? "Double"
                : primitive.getSimpleName();
    }
}
