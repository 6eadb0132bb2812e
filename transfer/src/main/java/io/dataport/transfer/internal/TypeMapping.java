package io.dataport.transfer.internal;

import io.dataport.transfer.internal.LogicalType.Kind;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The documented type mapping (README, "Moving your data"): source declared types to {@link LogicalType}, and
 * logical types to target DDL. SQLite types follow SQLite's own affinity rules, so every declared type maps.
 */
public final class TypeMapping {
    private static final Pattern ARGS = Pattern.compile("\\(\\s*(\\d+)\\s*(?:,\\s*(\\d+)\\s*)?\\)");

    private TypeMapping() {
    }

    /** What a SQLite declared type ({@code NVARCHAR(40)}, {@code NUMERIC(10,2)}, {@code DATETIME}) means. */
    public static LogicalType fromSqlite(String declared) {
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
        if (base.contains("BLOB") || base.equals("BYTEA") || base.contains("BINARY")) {
            return LogicalType.of(Kind.BLOB);
        }
        if (base.contains("REAL") || base.contains("FLOA") || base.contains("DOUB")) {
            return LogicalType.of(Kind.DOUBLE);
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

    /** What a PostgreSQL type name from JDBC metadata ({@code int8}, {@code varchar}, {@code numeric}) means. */
    public static LogicalType fromPostgres(String typeName, int size, int digits) {
        String t = typeName.toLowerCase(Locale.ROOT);
        switch (t) {
            case "int2":
            case "smallserial":
                return LogicalType.of(Kind.SMALLINT);
            case "int4":
            case "serial":
                return LogicalType.of(Kind.INTEGER);
            case "int8":
            case "bigserial":
            case "oid":
                return LogicalType.of(Kind.BIGINT);
            case "numeric":
                return size > 0 && size <= 1000 ? LogicalType.decimal(size, Math.max(digits, 0)) : LogicalType.decimal(0, 0);
            case "float4":
            case "float8":
                return LogicalType.of(Kind.DOUBLE);
            case "bool":
                return LogicalType.of(Kind.BOOLEAN);
            case "varchar":
                return size > 0 && size < 10_485_760 ? LogicalType.sized(Kind.VARCHAR, size) : LogicalType.of(Kind.TEXT);
            case "bpchar":
                return size > 0 && size < 10_485_760 ? LogicalType.sized(Kind.CHAR, size) : LogicalType.of(Kind.TEXT);
            case "date":
                return LogicalType.of(Kind.DATE);
            case "time":
                return LogicalType.of(Kind.TIME);
            case "timestamp":
                return LogicalType.of(Kind.TIMESTAMP);
            case "timestamptz":
                return LogicalType.of(Kind.TIMESTAMPTZ);
            case "bytea":
                return LogicalType.of(Kind.BLOB);
            case "uuid":
                return LogicalType.of(Kind.UUID);
            case "json":
            case "jsonb":
                return LogicalType.of(Kind.JSON);
            default:
                return LogicalType.of(Kind.TEXT);
        }
    }

    /** The target column type, e.g. {@code varchar(40)} on PostgreSQL and {@code VARCHAR(40)} on SQLite. */
    public static String render(LogicalType type, Flavor flavor, boolean identity) {
        return flavor == Flavor.POSTGRES ? postgres(type) : sqlite(type, identity);
    }

    private static String postgres(LogicalType type) {
        switch (type.kind()) {
            case SMALLINT:
                return "smallint";
            case INTEGER:
                return "integer";
            case BIGINT:
                return "bigint";
            case DECIMAL:
                return type.precision() > 0 ? "numeric(" + type.precision() + "," + type.scale() + ")" : "numeric";
            case DOUBLE:
                return "double precision";
            case BOOLEAN:
                return "boolean";
            case CHAR:
                return "char(" + type.length() + ")";
            case VARCHAR:
                return "varchar(" + type.length() + ")";
            case DATE:
                return "date";
            case TIME:
                return "time";
            case TIMESTAMP:
                return "timestamp";
            case TIMESTAMPTZ:
                return "timestamptz";
            case BLOB:
                return "bytea";
            case UUID:
                return "uuid";
            case JSON:
                return "json";
            case TEXT:
            default:
                return "text";
        }
    }

    private static String sqlite(LogicalType type, boolean identity) {
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
                return "REAL";
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
}
