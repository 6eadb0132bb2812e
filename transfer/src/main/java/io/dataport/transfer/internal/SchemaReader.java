package io.dataport.transfer.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the tables of a database through JDBC metadata: columns, primary keys, indexes, unique constraints and
 * foreign keys, in foreign-key order (referenced tables first).
 *
 * <p>SQLite column types come from {@code PRAGMA table_info}, because sqlite-jdbc's {@code getColumns} drops
 * the declared length and scale ({@code NUMERIC(10,2)} reads as size 12); everything else is
 * {@link DatabaseMetaData}. PostgreSQL is read in the connection's current schema.
 */
public final class SchemaReader {
    /** The table a transfer keeps its progress in, never copied. */
    public static final String STATE_TABLE = "dataport_transfer_state";

    private final Connection connection;
    private final Flavor flavor;
    private final String schema;
    private final DatabaseMetaData meta;

    public SchemaReader(Connection connection, Flavor flavor) throws SQLException {
        this.connection = connection;
        this.flavor = flavor;
        this.schema = flavor == Flavor.POSTGRES ? connection.getSchema() : null;
        this.meta = connection.getMetaData();
    }

    /** The schema tables live in: PostgreSQL's current schema, null for SQLite. */
    public String schema() {
        return schema;
    }

    /** The names of the base tables, Dataport's own state table and SQLite's internal tables left out. */
    public List<String> tableNames() throws SQLException {
        Set<String> names = new java.util.TreeSet<>();
        try (ResultSet rs = meta.getTables(null, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String tableSchema = rs.getString("TABLE_SCHEM");
                if (schema != null && !schema.equals(tableSchema)) {
                    continue;
                }
                if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_") || name.equalsIgnoreCase(STATE_TABLE)) {
                    continue;
                }
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /** Every table, referenced tables before the tables that reference them (cycles in name order). */
    public List<TableInfo> readAll() throws SQLException {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (String name : tableNames()) {
            tables.put(name, read(name));
        }
        return foreignKeyOrder(tables);
    }

    /** One table. */
    public TableInfo read(String table) throws SQLException {
        List<String> primaryKey = primaryKey(table);
        List<ColumnInfo> columns = flavor == Flavor.SQLITE ? sqliteColumns(table, primaryKey) : postgresColumns(table);
        return new TableInfo(table, columns, primaryKey, indexes(table, primaryKey), foreignKeys(table));
    }

    private List<String> primaryKey(String table) throws SQLException {
        Map<Short, String> byPosition = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(null, schema, table)) {
            while (rs.next()) {
                byPosition.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    private List<ColumnInfo> sqliteColumns(String table, List<String> primaryKey) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String declared = rs.getString("type");
                boolean rowidAlias = primaryKey.size() == 1 && primaryKey.get(0).equals(name)
                        && "INTEGER".equalsIgnoreCase(declared == null ? "" : declared.trim());
                boolean nullable = rs.getInt("notnull") == 0 && !rowidAlias;
                columns.add(new ColumnInfo(name, declared == null ? "" : declared, TypeMapping.fromSqlite(declared),
                        nullable, DefaultValue.parse(rs.getString("dflt_value")), rowidAlias));
            }
        }
        return columns;
    }

    private List<ColumnInfo> postgresColumns(String table) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (ResultSet rs = meta.getColumns(null, escape(schema), escape(table), "%")) {
            while (rs.next()) {
                if (!table.equals(rs.getString("TABLE_NAME")) || !schema.equals(rs.getString("TABLE_SCHEM"))) {
                    continue;
                }
                String typeName = rs.getString("TYPE_NAME");
                int size = rs.getInt("COLUMN_SIZE");
                int digits = rs.getInt("DECIMAL_DIGITS");
                boolean identity = "YES".equalsIgnoreCase(rs.getString("IS_AUTOINCREMENT"));
                LogicalType type = TypeMapping.fromPostgres(typeName, size, digits);
                String declared = TypeMapping.render(type, Flavor.POSTGRES, false);
                columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), declared, type,
                        rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, identity ? null
                        : DefaultValue.parse(rs.getString("COLUMN_DEF")), identity && type.kind().isInteger()));
            }
        }
        return columns;
    }

    private List<IndexInfo> indexes(String table, List<String> primaryKey) throws SQLException {
        Map<String, Map<Short, String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        Set<String> expression = new HashSet<>();
        try (ResultSet rs = meta.getIndexInfo(null, schema, table, false, true)) {
            while (rs.next()) {
                if (rs.getShort("TYPE") == DatabaseMetaData.tableIndexStatistic) {
                    continue;
                }
                String name = rs.getString("INDEX_NAME");
                if (name == null) {
                    continue;
                }
                String column = rs.getString("COLUMN_NAME");
                if (column == null || column.startsWith("(") || column.contains("(")) {
                    expression.add(name);
                }
                unique.put(name, !rs.getBoolean("NON_UNIQUE"));
                columns.computeIfAbsent(name, k -> new TreeMap<>()).put(rs.getShort("ORDINAL_POSITION"), column);
            }
        }
        List<IndexInfo> result = new ArrayList<>();
        for (Map.Entry<String, Map<Short, String>> e : columns.entrySet()) {
            List<String> cols = new ArrayList<>(e.getValue().values());
            if (expression.contains(e.getKey()) || unique.get(e.getKey()) && cols.equals(primaryKey)) {
                continue;
            }
            String name = e.getKey();
            if (name.toLowerCase(Locale.ROOT).startsWith("sqlite_autoindex")) {
                name = table + "_" + String.join("_", cols) + "_key";
            }
            result.add(new IndexInfo(name, unique.get(e.getKey()), cols));
        }
        return result;
    }

    private List<ForeignKeyInfo> foreignKeys(String table) throws SQLException {
        List<ForeignKeyInfo> result = new ArrayList<>();
        List<String> cols = null;
        List<String> refCols = null;
        String name = null;
        String refTable = null;
        int update = 0;
        int delete = 0;
        try (ResultSet rs = meta.getImportedKeys(null, schema, table)) {
            while (rs.next()) {
                if (rs.getShort("KEY_SEQ") == 1) {
                    if (cols != null) {
                        result.add(new ForeignKeyInfo(name, cols, refTable, refCols, update, delete));
                    }
                    cols = new ArrayList<>();
                    refCols = new ArrayList<>();
                    name = rs.getString("FK_NAME");
                    refTable = rs.getString("PKTABLE_NAME");
                    update = rs.getShort("UPDATE_RULE");
                    delete = rs.getShort("DELETE_RULE");
                }
                cols.add(rs.getString("FKCOLUMN_NAME"));
                refCols.add(rs.getString("PKCOLUMN_NAME"));
            }
        }
        if (cols != null) {
            result.add(new ForeignKeyInfo(name, cols, refTable, refCols, update, delete));
        }
        return result;
    }

    private static List<TableInfo> foreignKeyOrder(Map<String, TableInfo> tables) {
        List<TableInfo> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < tables.size()) {
            boolean progress = false;
            for (TableInfo t : tables.values()) {
                if (placed.contains(t.name())) {
                    continue;
                }
                boolean ready = t.foreignKeys().stream().map(ForeignKeyInfo::referencedTable)
                        .allMatch(ref -> ref.equals(t.name()) || placed.contains(ref) || !tables.containsKey(ref));
                if (ready) {
                    ordered.add(t);
                    placed.add(t.name());
                    progress = true;
                }
            }
            if (!progress) {
                // A cycle: place the first remaining table; its foreign keys are checked at commit or added last.
                TableInfo next = tables.values().stream().filter(t -> !placed.contains(t.name())).findFirst().orElseThrow();
                ordered.add(next);
                placed.add(next.name());
            }
        }
        return ordered;
    }

    private String escape(String pattern) throws SQLException {
        String esc = meta.getSearchStringEscape();
        if (pattern == null || esc == null || esc.isEmpty()) {
            return pattern;
        }
        return pattern.replace(esc, esc + esc).replace("_", esc + "_").replace("%", esc + "%");
    }

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
