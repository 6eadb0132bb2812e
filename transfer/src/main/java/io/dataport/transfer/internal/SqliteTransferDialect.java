package io.dataport.transfer.internal;

import io.dataport.sqlite.SqliteBackend;
import io.dataport.transfer.internal.LogicalType.Kind;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite as a transfer sees it: declared types read with SQLite's own affinity rules, so every declared type
 * maps; any value in any column, so every value is converted and checked; keys and foreign keys declared in
 * {@code CREATE TABLE}, since SQLite cannot add them later; rows loaded with batched inserts.
 */
final class SqliteTransferDialect implements TransferDialect {
    static final SqliteTransferDialect INSTANCE = new SqliteTransferDialect();

    private static final String BACKEND = new SqliteBackend().name();
    private static final Pattern ARGS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private SqliteTransferDialect() {
    }

    @Override
    public String backend() {
        return BACKEND;
    }

    /** SQLite has no schemas here: a database is one file. */
    @Override
    public String schema(Connection c) {
        return null;
    }

    @Override
    public boolean isInternalTable(String name) {
        return name.toLowerCase(Locale.ROOT).startsWith("sqlite_");
    }

    /**
     * From {@code PRAGMA table_info}, because sqlite-jdbc's {@code getColumns} drops the declared length and scale
     * ({@code NUMERIC(10,2)} reads as size 12). An {@code INTEGER} column that is the whole primary key is the
     * rowid, which SQLite generates.
     */
    @Override
    public List<ColumnInfo> columns(Connection c, DatabaseMetaData meta, String schema, String table,
                                    List<String> primaryKey) throws SQLException {
        List<ColumnInfo> columns = new ArrayList<>();
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA table_info(" + SchemaReader.quote(table) + ")")) {
            while (rs.next()) {
                String name = rs.getString("name");
                String declared = rs.getString("type");
                boolean rowidAlias = primaryKey.size() == 1 && primaryKey.get(0).equals(name)
                        && "INTEGER".equalsIgnoreCase(declared == null ? "" : declared.trim());
                boolean nullable = rs.getInt("notnull") == 0 && !rowidAlias;
                columns.add(new ColumnInfo(name, declared == null ? "" : declared, logicalType(declared),
                        nullable, DefaultValue.parse(rs.getString("dflt_value")), rowidAlias));
            }
        }
        return columns;
    }

    /** What a SQLite declared type ({@code NVARCHAR(40)}, {@code NUMERIC(10,2)}, {@code DATETIME}) means. */
    static LogicalType logicalType(String declared) {
        String t = declared == null ? "" : declared.trim().toUpperCase(Locale.ROOT);
        int first = -1;
        int second = -1;
        Matcher m = ARGS.matcher(t);
        if (m.find()) {
            first = Integer.parseInt(m.group(1));
            second = m.group(2) == null ? -1 : Integer.parseInt(m.group(2));
        }
        String base = t.replaceAll("\\(.*$", "").trim();
        if (base.isEmpty()) {
            return LogicalType.of(Kind.TEXT);
        }
        if (base.contains("INT")) {
            return base.equals("SMALLINT") || base.equals("INT2") || base.equals("TINYINT")
                    ? LogicalType.of(Kind.SMALLINT) : LogicalType.of(Kind.BIGINT);
        }
        if (base.startsWith("BOOL")) {
            return LogicalType.of(Kind.BOOLEAN);
        }
        if (base.equals("UUID")) {
            return LogicalType.of(Kind.UUID);
        }
        if (base.startsWith("JSON")) {
            return LogicalType.of(Kind.JSON);
        }
        if (base.contains("CHAR") || base.contains("CLOB") || base.contains("TEXT")) {
            return first > 0 && base.contains("CHAR") ? LogicalType.sized(Kind.VARCHAR, first) : LogicalType.of(Kind.TEXT);
        }
        if (base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB")) {
            // Before BLOB: Dataport's own double columns are DOUBLE_BLOB (SqliteBackend.DOUBLE_COLUMN_TYPE).
            return LogicalType.of(Kind.DOUBLE);
        }
        if (base.contains("BLOB") || base.equals("BYTEA") || base.contains("BINARY")) {
            return LogicalType.of(Kind.BLOB);
        }
        if (base.startsWith("TIMESTAMP") || base.equals("DATETIME")) {
            return base.contains("TIME ZONE") || base.equals("TIMESTAMPTZ")
                    ? LogicalType.of(Kind.TIMESTAMPTZ) : LogicalType.of(Kind.TIMESTAMP);
        }
        if (base.equals("DATE")) {
            return LogicalType.of(Kind.DATE);
        }
        if (base.equals("TIME")) {
            return LogicalType.of(Kind.TIME);
        }
        if (base.contains("NUMERIC") || base.contains("DECIMAL") || base.equals("NUMBER") || base.equals("MONEY")) {
            return first > 0 ? LogicalType.decimal(first, Math.max(second, 0)) : LogicalType.decimal(0, 0);
        }
        // SQLite gives any other declared type NUMERIC affinity; an unconstrained numeric keeps every number.
        return LogicalType.decimal(0, 0);
    }

    /** SQLite names the indexes of UNIQUE constraints {@code sqlite_autoindex_*}, a name it reserves. */
    @Override
    public String indexName(String table, String index, List<String> columns) {
        return index.toLowerCase(Locale.ROOT).startsWith("sqlite_autoindex")
                ? table + "_" + String.join("_", columns) + "_key" : index;
    }

    /** SQLite finds tables by name regardless of ASCII case. */
    @Override
    public String lookupKey(String tableName) {
        return tableName.toLowerCase(Locale.ROOT);
    }

    @Override
    public String columnType(LogicalType type, boolean identity) {
        if (identity) {
            return "INTEGER";
        }
        switch (type.kind()) {
            case SMALLINT:
                return "SMALLINT";
            case INTEGER:
            case BIGINT:
                return "INTEGER";
            case DECIMAL:
                return type.precision() > 0 ? "NUMERIC(" + type.precision() + "," + type.scale() + ")" : "NUMERIC";
            case DOUBLE:
                return SqliteBackend.DOUBLE_COLUMN_TYPE;
            case BOOLEAN:
                return "BOOLEAN";
            case CHAR:
                return "CHAR(" + type.length() + ")";
            case VARCHAR:
                return "VARCHAR(" + type.length() + ")";
            case DATE:
                return "DATE";
            case TIME:
                return "TIME";
            case TIMESTAMP:
                return "DATETIME";
            case TIMESTAMPTZ:
                return "TIMESTAMPTZ";
            case BLOB:
                return "BLOB";
            case UUID:
                return "UUID";
            case JSON:
                return "JSON";
            case TEXT:
            default:
                return "TEXT";
        }
    }

    /** The rowid: only a column that is the whole primary key can be generated. */
    @Override
    public String identityColumn(LogicalType type, boolean soleKey) {
        return soleKey ? "INTEGER PRIMARY KEY" : null;
    }

    @Override
    public boolean identityIsPrimaryKey() {
        return true;
    }

    @Override
    public boolean addsKeysAfterLoad() {
        return false;
    }

    @Override
    public int maxIdentifierLength() {
        return Integer.MAX_VALUE;
    }

    @Override
    public String booleanLiteral(boolean value) {
        return value ? "1" : "0";
    }

    @Override
    public String defaultExpression(String expression) {
        return expression.startsWith("CURRENT_") ? "(" + expression + ")" : expression;
    }

    /** SQLite's rowid continues after max(rowid) by itself. */
    @Override
    public Optional<String> restartIdentity(String qualifiedTable, String column) {
        return Optional.empty();
    }

    /**
     * Foreign keys are declared in CREATE TABLE and tables may reference each other in a cycle: check them at
     * commit, not row by row.
     */
    @Override
    public void beginLoad(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA defer_foreign_keys = ON");
        }
    }

    @Override
    public RowSink openSink(Connection c, String qualifiedTable, List<String> quotedColumns,
                            List<LogicalType> types, boolean newTable, int batchSize) throws SQLException {
        return new InsertSink(c, qualifiedTable, quotedColumns, batchSize, ValueCodec::canonical);
    }
}
