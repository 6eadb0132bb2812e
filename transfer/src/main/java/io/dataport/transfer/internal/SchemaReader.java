package io.dataport.transfer.internal;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Reads the tables of a database through JDBC metadata: columns, primary keys, indexes, unique constraints and
 * foreign keys, in foreign-key order (referenced tables first). What differs between databases (the schema,
 * the columns' types, internal tables and index names) is the {@link TransferDialect}'s.
 */
final class SchemaReader {
    /** The table a transfer keeps its progress in, never copied. */
    static final String STATE_TABLE = "dataport_transfer_state";

    private final Connection connection;
    private final TransferDialect dialect;
    private final String schema;
    private final String catalog;
    private final DatabaseMetaData meta;

    SchemaReader(Connection connection, TransferDialect dialect) throws SQLException {
        this.connection = connection;
        this.dialect = dialect;
        this.schema = dialect.schema(connection);
        this.catalog = dialect.catalog(connection);
        this.meta = connection.getMetaData();
    }

    /** The schema tables live in, or null when the database has none. */
    String schema() {
        return schema;
    }

    /** Whether the database has a base table of exactly this name (in the schema and catalog read). */
    boolean hasTable(String name) throws SQLException {
        try (ResultSet rs = meta.getTables(catalog, schema, name, new String[] {"TABLE"})) {
            while (rs.next()) {
                if (name.equals(rs.getString("TABLE_NAME"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The names of the base tables, Dataport's own state table and the database's internal tables left out. */
    List<String> tableNames() throws SQLException {
        Set<String> names = new java.util.TreeSet<>();
        try (ResultSet rs = meta.getTables(catalog, schema, "%", new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                String tableSchema = rs.getString("TABLE_SCHEM");
                if (schema != null && !schema.equals(tableSchema)) {
                    continue;
                }
                if (dialect.isInternalTable(name) || name.equalsIgnoreCase(STATE_TABLE)) {
                    continue;
                }
                names.add(name);
            }
        }
        return new ArrayList<>(names);
    }

    /** Every table, referenced tables before the tables that reference them (cycles in name order). */
    List<TableInfo> readAll() throws SQLException {
        Map<String, TableInfo> tables = new LinkedHashMap<>();
        for (String name : tableNames()) {
            tables.put(name, read(name));
        }
        return foreignKeyOrder(tables);
    }

    /** One table. */
    TableInfo read(String table) throws SQLException {
        List<String> primaryKey = primaryKey(table);
        List<ColumnInfo> columns = dialect.columns(connection, meta, schema, table, primaryKey);
        return new TableInfo(table, columns, primaryKey, indexes(table, primaryKey), foreignKeys(table));
    }

    private List<String> primaryKey(String table) throws SQLException {
        Map<Short, String> byPosition = new TreeMap<>();
        try (ResultSet rs = meta.getPrimaryKeys(catalog, schema, table)) {
            while (rs.next()) {
                byPosition.put(rs.getShort("KEY_SEQ"), rs.getString("COLUMN_NAME"));
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    private List<IndexInfo> indexes(String table, List<String> primaryKey) throws SQLException {
        Map<String, Map<Short, String>> columns = new LinkedHashMap<>();
        Map<String, Boolean> unique = new HashMap<>();
        Set<String> expression = new HashSet<>();
        try (ResultSet rs = meta.getIndexInfo(catalog, schema, table, false, true)) {
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
            result.add(new IndexInfo(dialect.indexName(table, e.getKey(), cols), unique.get(e.getKey()), cols));
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
        try (ResultSet rs = meta.getImportedKeys(catalog, schema, table)) {
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

    static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }
}
