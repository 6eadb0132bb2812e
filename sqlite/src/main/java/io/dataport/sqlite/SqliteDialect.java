package io.dataport.sqlite;

import io.dataport.Condition;
import io.dataport.spi.AlterPlan;
import io.dataport.spi.CatalogReader;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;
import io.dataport.spi.IdGeneration;
import io.dataport.spi.SchemaChange;

import java.util.Locale;

/**
 * SQLite's spelling of core's SQL: the storage classes of {@link SqliteCodec} in {@code CREATE TABLE}, and a
 * generated id that is {@code INTEGER PRIMARY KEY}, the rowid itself: ids are never reused while the largest
 * row stays, and no AUTOINCREMENT bookkeeping table is needed.
 */
final class SqliteDialect implements Dialect {
    static final SqliteDialect INSTANCE = new SqliteDialect();
    private static final IdGeneration ROWID_RANGE = IdGeneration.rowidRange("SELECT last_insert_rowid()");


    private SqliteDialect() {
    }

    @Override
    public String name() {
        return "sqlite";
    }

    @Override
    public String columnType(ColumnType type, int length) {
        switch (type) {
            case LONG:
            case INT:
            case SHORT:
            case BOOLEAN:
                return "INTEGER";
            case DOUBLE:
                return SqliteBackend.DOUBLE_COLUMN_TYPE;
            case STRING:
                return length > 0 ? "VARCHAR(" + length + ")" : "TEXT";
            case BYTES:
                return "BLOB";
            default:
                // BigDecimal, UUID and temporal values are stored as text.
                return "TEXT";
        }
    }

    /**
     * SQLite's {@code LIKE} ignores the case of ASCII letters, so a case-sensitive match is a {@code GLOB} (whose
     * wildcards {@link #textPattern} puts in brackets), and one ignoring case lowers both sides with
     * {@link SqliteConnector#LOWER_FUNCTION}, which folds as Java does (SQLite's {@code lower()} folds ASCII only).
     */
    @Override
    public String textMatch(String expression, boolean ignoreCase) {
        return ignoreCase ? Dialect.super.textMatch(expression, true) : expression + " GLOB ?";
    }

    @Override
    public String textPattern(Condition.Match match, String text, boolean ignoreCase) {
        if (ignoreCase) {
            return Dialect.super.textPattern(match, text, true);
        }
        StringBuilder glob = new StringBuilder(text.length() + 4);
        if (match != Condition.Match.STARTS_WITH) {
            glob.append('*');
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*' || c == '?' || c == '[') {
                glob.append('[').append(c).append(']');
            } else {
                glob.append(c);
            }
        }
        if (match != Condition.Match.ENDS_WITH) {
            glob.append('*');
        }
        return glob.toString();
    }

    @Override
    public String lowerCase(String expression) {
        return SqliteConnector.LOWER_FUNCTION + "(" + expression + ")";
    }

    @Override
    public String generatedIdColumn(ColumnType type) {
        return "INTEGER PRIMARY KEY";
    }

    /**
     * sqlite-jdbc returns no generated keys from a batch. In a write transaction on the one writer, SQLite gives
     * each new row the largest rowid plus one, so a batch's ids are consecutive and end at
     * {@code last_insert_rowid()}; core checks that they are.
     */
    @Override
    public IdGeneration idGeneration() {
        return ROWID_RANGE;
    }

    /** SQLite's default {@code SQLITE_MAX_VARIABLE_NUMBER} since 3.32. */
    @Override
    public int maxParameters() {
        return 32_766;
    }

    /** An undeclared BigDecimal is text: sort it by its numeric value (to double precision; ties then go by id). */
    @Override
    public String orderExpression(String quotedColumn, ColumnType type) {
        return type == ColumnType.BIG_DECIMAL ? "CAST(" + quotedColumn + " AS REAL)" : quotedColumn;
    }

    /** A declared decimal ({@code NUMERIC(p,s)}) is a number already: it sorts as it is. */
    @Override
    public String orderExpression(String quotedColumn, ColumnType type, int precision) {
        return precision > 0 ? quotedColumn : orderExpression(quotedColumn, type);
    }

    /**
     * A {@code NUMERIC(p,s)} column keeps a decimal as an integer or a 64-bit float, exact to 15 significant
     * digits; beyond, {@code 9007199254740993.00} would come back as {@code ...992}.
     */
    @Override
    public int maxDecimalPrecision() {
        return 15;
    }

    @Override
    public String tableColumnsQuery() {
        return "SELECT name, type, \"notnull\" = 0 FROM pragma_table_info(?)";
    }

    /**
     * By the column's affinity, from its declared type (SQLite's rules, section 3.1 of "Datatypes In SQLite"):
     * integer types in INTEGER (or NUMERIC) affinity, doubles in any but TEXT (BLOB affinity keeps them as
     * bound, the others read {@code -0.0} back as {@code 0.0}), text-stored values in TEXT, bytes in BLOB; a
     * column without a declared type holds anything unchanged. NUMERIC or INTEGER affinity would turn text such
     * as {@code "1.10"} into a number, so text-stored values need TEXT.
     */
    @Override
    public boolean canHold(String declaredType, ColumnType type) {
        if (declaredType.isBlank()) {
            return true;
        }
        String affinity = affinity(declaredType);
        switch (type) {
            case LONG:
            case INT:
            case SHORT:
            case BOOLEAN:
                return affinity.equals("INTEGER") || affinity.equals("NUMERIC");
            case DOUBLE:
                return !affinity.equals("TEXT");
            case BYTES:
                return affinity.equals("BLOB");
            default:
                return affinity.equals("TEXT") || affinity.equals("BLOB");
        }
    }

    /**
     * A declared decimal must be stored as a number (NUMERIC, INTEGER or REAL affinity), so that SQL compares it
     * by value; a column without a declared type would keep the bound text. SQLite enforces no length,
     * precision or scale, so none is compared.
     */
    @Override
    public boolean canHold(String declaredType, ColumnType type, int length, int precision, int scale) {
        if (type != ColumnType.BIG_DECIMAL || precision == 0) {
            return canHold(declaredType, type);
        }
        String affinity = declaredType.isBlank() ? "BLOB" : affinity(declaredType);
        return !affinity.equals("TEXT") && !affinity.equals("BLOB");
    }

    private static String affinity(String declaredType) {
        String t = declaredType.toUpperCase(Locale.ROOT);
        return t.contains("INT") ? "INTEGER"
                : t.contains("CHAR") || t.contains("CLOB") || t.contains("TEXT") ? "TEXT"
                : t.contains("BLOB") ? "BLOB"
                : t.contains("REAL") || t.contains("FLOA") || t.contains("DOUB") ? "REAL" : "NUMERIC";
    }

    /**
     * {@code ALTER TABLE} where SQLite can; a type change, or dropping a column an index, key, constraint or
     * trigger uses, rebuilds the table ({@link SqliteAlter}).
     */
    @Override
    public AlterPlan alter(SchemaChange change, CatalogReader catalog) {
        AlterPlan rebuild = SqliteAlter.plan(this, change, catalog);
        return rebuild != null ? rebuild : Dialect.super.alter(change, catalog);
    }
}
