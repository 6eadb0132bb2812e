package io.dataport.internal.repository;

import io.dataport.ConfigurationException;
import io.dataport.DataportException;
import io.dataport.ConstraintViolationException;
import io.dataport.MappingException;
import io.dataport.Schema;
import io.dataport.SchemaMismatchException;
import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.entity.PropertyInfo;
import io.dataport.internal.session.SessionState;
import io.dataport.internal.sql.EntitySql;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.internal.entity.Names;
import io.dataport.spi.AlterPlan;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;
import io.dataport.spi.SchemaChange;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/** {@link Schema} in one dialect: each call runs its statements in one write transaction. */
final class EntitySchema implements Schema {
    private final Supplier<List<String>> pendingMigrations;
    private final Dialect dialect;
    private final StatementRunner statements;
    private final RepositoryAccess access;
    /** The mapping of an entity class, checked against the Database's other entities. */
    private final Function<Class<?>, EntityInfo<?>> entities;

    EntitySchema(Dialect dialect, StatementRunner statements, RepositoryAccess access,
                 Function<Class<?>, EntityInfo<?>> entities, Supplier<List<String>> pendingMigrations) {
        this.pendingMigrations = pendingMigrations;
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
            List<String> pending = pendingMigrations();
            if (!pending.isEmpty()) {
                differences.add("The database is behind its migrations: " + String.join(", ", pending)
                        + (pending.size() == 1 ? " is" : " are") + " not applied. Run db.migrate() (or open it with "
                        + "Database.Builder.migrateOnOpen(true)); the differences above may be what "
                        + (pending.size() == 1 ? "it changes." : "they change."));
            }
            throw new SchemaMismatchException(differences);
        }
    }

    @Override
    public void addColumn(Class<?> entityType, String property) {
        EntityInfo<?> info = entities.apply(Objects.requireNonNull(entityType, "entityType"));
        PropertyInfo p = property(info, property);
        if (p.id) {
            throw new MappingException("Entity " + info.type().getName() + " property '" + property + "' is the id, "
                    + "which a table cannot gain after it is created. Create the table with it: "
                    + "db.schema().create(" + info.type().getSimpleName() + ".class).");
        }
        // A primitive is NOT NULL; rows already there get the Java default, what a repository reads for null.
        String definition = type(p) + (p.primitive ? " NOT NULL DEFAULT " + (p.type == ColumnType.BOOLEAN ? "FALSE" : "0")
                : "");
        List<SchemaChange> changes = new ArrayList<>();
        changes.add(new SchemaChange.AddColumn(info.table(), p.column(), definition));
        if (p.unique) {
            // A unique constraint as a unique index, named as PostgreSQL names the constraint: SQLite adds no UNIQUE column.
            changes.add(new SchemaChange.AddIndex(info.table(), info.table() + "_" + p.column() + "_key",
                    List.of(p.column()), true));
        }
        alter(info.table(), List.of(), List.of(p.column()), changes);
    }

    @Override
    public void dropColumn(String table, String column) {
        alter(table, List.of(checked(column, "column")), List.of(),
                List.of(new SchemaChange.DropColumn(table, column)));
    }

    @Override
    public void renameColumn(String table, String from, String to) {
        alter(table, List.of(checked(from, "column")), List.of(checked(to, "new column")),
                List.of(new SchemaChange.RenameColumn(table, from, to)));
    }

    @Override
    public void changeColumnType(Class<?> entityType, String property) {
        EntityInfo<?> info = entities.apply(Objects.requireNonNull(entityType, "entityType"));
        PropertyInfo p = property(info, property);
        if (p.id && info.generatedId) {
            throw new MappingException("Entity " + info.type().getName() + " property '" + property + "' is a "
                    + "generated id, whose column type Dataport does not change. Recreate the table, or give the id "
                    + "(no generation) first.");
        }
        alter(info.table(), List.of(p.column()), List.of(), List.of(new SchemaChange.ChangeColumnType(info.table(),
                p.column(), dialect.columnType(p.type, p.length, p.precision, p.scale),
                p.type == ColumnType.STRING ? dialect.textCollation() : "")));
    }

    @Override
    public void addIndex(String table, String name, String... columns) {
        index(table, name, false, columns);
    }

    @Override
    public void addUniqueIndex(String table, String name, String... columns) {
        index(table, name, true, columns);
    }

    private void index(String table, String name, boolean unique, String... columns) {
        Objects.requireNonNull(columns, "columns");
        if (columns.length == 0) {
            throw new ConfigurationException("Index \"" + name + "\" on table \"" + table + "\" names no column. "
                    + "Give at least one column.");
        }
        for (String c : columns) {
            checked(c, "column");
        }
        alter(table, Arrays.asList(columns), List.of(),
                List.of(new SchemaChange.AddIndex(table, checked(name, "index"), Arrays.asList(columns), unique)));
    }

    @Override
    public void dropIndex(String name) {
        alter(null, List.of(), List.of(), List.of(new SchemaChange.DropIndex(null, checked(name, "index"))));
    }

    /** The property by its Java name, or a MappingException listing the entity's properties. */
    private static PropertyInfo property(EntityInfo<?> info, String property) {
        PropertyInfo p = info.property(Objects.requireNonNull(property, "property"));
        if (p == null) {
            throw new MappingException("Entity " + info.type().getName() + " has no property '" + property
                    + "'. Properties: " + info.propertyNames() + ". Name a property (its Java name, not its column).");
        }
        return p;
    }

    /** The column type {@code create} declares for a (non-generated) property, with its collation. */
    private String type(PropertyInfo p) {
        return dialect.columnType(p.type, p.length, p.precision, p.scale)
                + (p.type == ColumnType.STRING ? dialect.textCollation() : "");
    }

    private static String checked(String name, String what) {
        Objects.requireNonNull(name, what);
        return Names.checkName(name, what);
    }

    /**
     * Runs schema changes in one write transaction (or the one open): checks that the table exists (unless null),
     * has {@code present} and lacks {@code absent}, then runs each change's plan and its checks; any failure rolls
     * all of it back.
     */
    private void alter(String table, List<String> present, List<String> absent, List<SchemaChange> changes) {
        String query = dialect.tableColumnsQuery();
        if (table != null) {
            checked(table, "table");
            if (query == null) {
                throw new ConfigurationException("Schema changes are not supported by the " + dialect.name()
                        + " backend: its dialect cannot read a table's columns. Implement Dialect.tableColumnsQuery.");
            }
        }
        access.write(s -> {
            if (table != null) {
                Map<String, LiveColumn> live = columns(s, query, table);
                if (live.isEmpty()) {
                    throw new SchemaMismatchException(List.of("Table \"" + table + "\" is missing. Create it first "
                            + "(db.schema().create, or a migration), or name an existing table."));
                }
                for (String c : present) {
                    if (!live.containsKey(c.toLowerCase(Locale.ROOT))) {
                        throw new SchemaMismatchException(List.of("Table \"" + table + "\" column \"" + c
                                + "\" is missing. Name an existing column; the table has: "
                                + String.join(", ", new TreeSet<>(live.keySet())) + "."));
                    }
                }
                for (String c : absent) {
                    if (live.containsKey(c.toLowerCase(Locale.ROOT))) {
                        throw new ConfigurationException("Table \"" + table + "\" already has a column \"" + c
                                + "\". Choose another name, or drop the column first.");
                    }
                }
            }
            for (SchemaChange change : changes) {
                AlterPlan plan = dialect.alter(change, (sql, parameters) -> rows(s, sql, parameters));
                for (String statement : plan.statements()) {
                    statements.run(s, statement, bound -> bound.executeUpdate());
                }
                for (String check : plan.checks()) {
                    List<List<String>> found = rows(s, check);
                    if (!found.isEmpty()) {
                        s.markFailed();
                        throw new ConstraintViolationException("Schema change on table \"" + change.table()
                                + "\" would leave " + found.size() + " row(s) that break a constraint, first: "
                                + found.get(0) + ". Nothing was changed. Fix or delete those rows first.", check, null);
                    }
                }
            }
            return null;
        });
    }

    /** Every row of a catalog query, each column as text. */
    private List<List<String>> rows(SessionState s, String sql, String... parameters) {
        return statements.run(s, sql, statement -> {
            for (int i = 0; i < parameters.length; i++) {
                statement.bind(i + 1, ColumnType.STRING, parameters[i]);
            }
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery()) {
                int n = rs.getMetaData().getColumnCount();
                while (statement.next(rs)) {
                    List<String> row = new ArrayList<>(n);
                    for (int c = 1; c <= n; c++) {
                        row.add(rs.getString(c));
                    }
                    rows.add(row);
                }
            }
            return rows;
        });
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

    /** The migrations not applied yet; none when they cannot be read (the drift message is a hint). */
    private List<String> pendingMigrations() {
        try {
            return pendingMigrations.get();
        } catch (DataportException e) {
            return List.of();
        }
    }

    private static String wrapper(Class<?> primitive) {
        return primitive == int.class ? "Integer" : primitive == long.class ? "Long" : primitive == short.class
                ? "Short" : primitive == boolean.class ? "Boolean" : primitive == double.class ? "Double"
                : primitive.getSimpleName();
    }
}
