package io.dataport.mysql;

import io.dataport.spi.AlterPlan;
import io.dataport.spi.CatalogReader;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;
import io.dataport.spi.SchemaChange;

import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL's and MariaDB's spelling of core's SQL, with the server in ANSI_QUOTES mode (so core's double-quoted
 * identifiers work as written). Text columns are {@code utf8mb4} in {@link #COLLATION}, which compares by code
 * point without padding, as SQLite and PostgreSQL's {@code "C"} do.
 *
 * <p>A {@code String} without {@code @Column(length)} is {@code LONGTEXT} (up to 4 GiB, like the other backends'
 * unbounded text). MariaDB enforces {@code UNIQUE} on it with a hash index; a plain index on it needs a length:
 * give the property {@code @Column(length = n)} (at most 16,383 characters in {@code utf8mb4}) to index it.
 */
final class MysqlDialect implements Dialect {
    /** Code point order, no trailing-space padding. */
    static final String COLLATION = "utf8mb4_nopad_bin";
    /** A type with a size as {@code information_schema.columns.column_type} spells it: {@code decimal(12,2)}. */
    private static final Pattern SIZED = Pattern.compile("([a-z ]+)\\((\\d+)(?:,(\\d+))?\\)( unsigned)?");
    /** The length of a {@code String} id without {@code @Column(length)}. */
    static final int UNBOUNDED_KEY_LENGTH = 255;
    /** The characters of an unbounded text column a plain index holds. */
    static final int TEXT_PREFIX = 255;
    /** InnoDB's largest index key. */
    private static final int MAX_KEY_BYTES = 3072;
    static final MysqlDialect INSTANCE = new MysqlDialect();

    private MysqlDialect() {
    }

    @Override
    public String name() {
        return "mysql";
    }

    /**
     * {@code DOUBLE} for doubles, {@code BOOLEAN} ({@code TINYINT(1)}) for booleans, {@code DATETIME(6)} in UTC for
     * instants, UUIDs as their 36 characters ({@code CHAR(36)} in ASCII, binary order: the order of their
     * bytes), a decimal without a declared precision as its text (MySQL's {@code DECIMAL} without one is
     * {@code DECIMAL(10,0)}, which would drop every fraction).
     */
    @Override
    public String columnType(ColumnType type, int length) {
        switch (type) {
            case DOUBLE:
                return "DOUBLE";
            case STRING:
                return length > 0 ? "VARCHAR(" + length + ")" : "LONGTEXT";
            case BIG_DECIMAL:
                return "VARCHAR(1000) CHARACTER SET ascii COLLATE ascii_bin";
            case BYTES:
                return "LONGBLOB";
            case UUID:
                return "CHAR(36) CHARACTER SET ascii COLLATE ascii_bin";
            case INSTANT:
            case OFFSET_DATE_TIME:
            case LOCAL_DATE_TIME:
                return "DATETIME(6)";
            case LOCAL_TIME:
                return "TIME(6)";
            default:
                return Dialect.super.columnType(type, length);
        }
    }

    @Override
    public String columnType(ColumnType type, int length, int precision, int scale) {
        return type == ColumnType.BIG_DECIMAL && precision > 0 ? "DECIMAL(" + precision + "," + scale + ")"
                : columnType(type, length);
    }

    /**
     * An index key cannot be of unbounded type ({@code LONGTEXT}): a {@code String} id without
     * {@code @Column(length)} is {@code VARCHAR(255)}, and a longer id fails loudly (strict mode), nothing cut.
     */
    @Override
    public String keyColumnType(ColumnType type, int length, int precision, int scale) {
        return type == ColumnType.STRING && length == 0 ? "VARCHAR(" + UNBOUNDED_KEY_LENGTH + ")"
                : columnType(type, length, precision, scale);
    }

    /** MySQL's {@code DECIMAL} holds at most 65 digits. */
    @Override
    public int maxDecimalPrecision() {
        return 65;
    }

    @Override
    public String textCollation() {
        return " CHARACTER SET utf8mb4 COLLATE " + COLLATION;
    }

    @Override
    public String generatedIdColumn(ColumnType type) {
        return (type == ColumnType.INT ? "INTEGER" : "BIGINT") + " AUTO_INCREMENT PRIMARY KEY";
    }

    /** Every DDL statement commits the transaction it is in, and cannot be rolled back. */
    @Override
    public boolean transactionalDdl() {
        return false;
    }

    /**
     * A named lock of the connection ({@code GET_LOCK}): every migrator of the server waits for the one migrating
     * (up to a day), across the commits each DDL statement makes; released by {@link #migrationUnlockSql()}, or
     * when the connection ends.
     */
    @Override
    public String migrationLockSql() {
        return "SELECT GET_LOCK(CONCAT('dataport_migration:', DATABASE()), 86400)";
    }

    @Override
    public String migrationUnlockSql() {
        return "SELECT RELEASE_LOCK(CONCAT('dataport_migration:', DATABASE()))";
    }

    /** The protocol's limit for a server-side prepared statement. */
    @Override
    public int maxParameters() {
        return 65_535;
    }

    /**
     * {@code ON DUPLICATE KEY UPDATE c = VALUES(c), ...}: MariaDB (and MySQL) have no {@code WHERE} on it, so for
     * an entity with a version there is no one-statement upsert (null), and core updates where the version
     * matches, then inserts.
     */
    @Override
    public String upsert(String insert, String quotedTable, String quotedId, List<String> quotedColumns,
                         String quotedVersion) {
        if (quotedVersion != null) {
            return null;
        }
        StringJoiner set = new StringJoiner(", ");
        for (String c : quotedColumns) {
            set.add(c + " = VALUES(" + c + ")");
        }
        return insert + " ON DUPLICATE KEY UPDATE " + (set.length() == 0 ? quotedId + " = " + quotedId : set);
    }

    /**
     * MySQL has no {@code NULLS LAST}: nulls sort first ascending. Ascending sorts put {@code c IS NULL} (0, then
     * 1) first, so nulls come last, and descending sorts first, as on the other backends.
     */
    @Override
    public String orderBy(String expression, boolean ascending, boolean nullable) {
        String direction = ascending ? " ASC" : " DESC";
        return nullable ? expression + " IS NULL" + direction + ", " + expression + direction
                : expression + direction;
    }

    /** An undeclared BigDecimal is text: sort it by its numeric value. */
    @Override
    public String orderExpression(String quotedColumn, ColumnType type, int precision) {
        return type == ColumnType.BIG_DECIMAL && precision == 0 ? "CAST(" + quotedColumn + " AS DOUBLE)" : quotedColumn;
    }

    /**
     * {@code CREATE [UNIQUE] INDEX}. A unique index on unbounded text MariaDB enforces with a hash; a plain index
     * cannot hold a whole {@code LONGTEXT}, so it indexes the first {@link #TEXT_PREFIX} characters of each such
     * column (fewer when several share the index's 3,072 bytes), which still finds rows by the column's value.
     * With foreign key checks on, MariaDB reports duplicates met while it builds a unique index on unbounded text
     * of a table other tables reference as a foreign key error (1834): the index's statement needs no such check,
     * and {@code SET STATEMENT} turns it off for that one statement.
     */
    private String addIndex(SchemaChange.AddIndex index, CatalogReader catalog) {
        List<String> unbounded = new java.util.ArrayList<>();
        if (!index.unique()) {
            for (List<String> row : catalog.query("SELECT column_name FROM information_schema.columns WHERE "
                    + "table_schema = DATABASE() AND table_name = ? AND (data_type LIKE '%text' OR data_type LIKE "
                    + "'%blob')", index.table())) {
                unbounded.add(row.get(0));
            }
        }
        long prefixed = index.columns().stream().filter(unbounded::contains).count();
        int prefix = prefixed == 0 ? 0 : (int) Math.min(TEXT_PREFIX, MAX_KEY_BYTES / 4 / prefixed);
        StringJoiner columns = new StringJoiner(", ", " (", ")");
        for (String c : index.columns()) {
            columns.add(quote(c) + (unbounded.contains(c) ? "(" + prefix + ")" : ""));
        }
        return "SET STATEMENT foreign_key_checks = 0 FOR CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX "
                + quote(index.name()) + " ON " + quote(index.table()) + columns;
    }

    @Override
    public String tableColumnsQuery() {
        return "SELECT column_name, column_type, is_nullable = 'YES' FROM information_schema.columns "
                + "WHERE table_schema = DATABASE() AND table_name = ?";
    }

    /**
     * By {@code information_schema.columns.column_type}: the type {@link #columnType} gives, or a wider integer
     * type for a narrower integer property; any text type for strings; MySQL enforces {@code varchar(n)} and
     * {@code decimal(p,s)}, so a declared length, precision and scale must fit.
     */
    @Override
    public boolean canHold(String declaredType, ColumnType type, int length, int precision, int scale) {
        String t = declaredType.toLowerCase(Locale.ROOT).strip();
        Matcher sized = SIZED.matcher(t);
        String base = sized.matches() ? sized.group(1).strip() : t;
        switch (type) {
            case LONG:
                return base.equals("bigint");
            case INT:
                return base.equals("int") || base.equals("bigint");
            case SHORT:
                return base.equals("smallint") || base.equals("int") || base.equals("bigint");
            case BOOLEAN:
                return base.equals("tinyint") || base.equals("boolean");
            case DOUBLE:
                return base.equals("double");
            case STRING:
                if (base.equals("varchar") || base.equals("char")) {
                    // Without a declared length any varchar is accepted: a longer value fails loudly, nothing is cut.
                    return length <= Integer.parseInt(sized.group(2));
                }
                return base.equals("longtext") || base.equals("mediumtext") || base.equals("text");
            case BIG_DECIMAL:
                if (precision == 0) {
                    return base.equals("varchar") || base.endsWith("text");
                }
                if (!base.equals("decimal") || !sized.matches()) {
                    return false;
                }
                int columnPrecision = Integer.parseInt(sized.group(2));
                int columnScale = sized.group(3) == null ? 0 : Integer.parseInt(sized.group(3));
                return columnScale >= scale && columnPrecision - columnScale >= precision - scale;
            case BYTES:
                return base.endsWith("blob") || base.equals("varbinary");
            case UUID:
                return base.equals("char") && sized.matches() && Integer.parseInt(sized.group(2)) >= 36
                        || base.equals("uuid");
            case INSTANT:
            case OFFSET_DATE_TIME:
            case LOCAL_DATE_TIME:
                return t.equals("datetime(6)");
            case LOCAL_TIME:
                return t.equals("time(6)");
            case LOCAL_DATE:
                return base.equals("date");
            default:
                return false;
        }
    }

    @Override
    public boolean canHold(String declaredType, ColumnType type) {
        return canHold(declaredType, type, 0, 0, 0);
    }

    /**
     * {@code ALTER TABLE}, which MySQL runs outside any transaction (each DDL statement commits). A type change is
     * {@code MODIFY COLUMN}, which restates the whole column: it keeps the column's {@code NOT NULL}, read from
     * the catalog. An index is dropped {@code ON} its table.
     */
    @Override
    public AlterPlan alter(SchemaChange change, CatalogReader catalog) {
        if (change instanceof SchemaChange.ChangeColumnType type) {
            List<List<String>> rows = catalog.query("SELECT is_nullable FROM information_schema.columns "
                    + "WHERE table_schema = DATABASE() AND table_name = ? AND column_name = ?", type.table(),
                    type.column());
            boolean notNull = !rows.isEmpty() && "NO".equals(rows.get(0).get(0));
            return AlterPlan.of("ALTER TABLE " + quote(type.table()) + " MODIFY COLUMN " + quote(type.column()) + " "
                    + type.type() + type.collation() + (notNull ? " NOT NULL" : ""));
        }
        if (change instanceof SchemaChange.DropIndex drop) {
            String table = drop.table();
            if (table == null) {
                List<List<String>> rows = catalog.query("SELECT DISTINCT table_name FROM information_schema.statistics "
                        + "WHERE table_schema = DATABASE() AND index_name = ?", drop.name());
                // No such index: the plain DROP INDEX fails with the server's own message, naming it.
                table = rows.isEmpty() ? drop.name() : rows.get(0).get(0);
            }
            return AlterPlan.of("DROP INDEX " + quote(drop.name()) + " ON " + quote(table));
        }
        if (change instanceof SchemaChange.AddIndex index) {
            return AlterPlan.of(addIndex(index, catalog));
        }
        if (change instanceof SchemaChange.DropColumn drop) {
            // MySQL refuses to drop a column a foreign key of its table uses: drop those keys with it.
            StringJoiner clauses = new StringJoiner(", ");
            for (List<String> row : catalog.query("SELECT DISTINCT constraint_name FROM "
                    + "information_schema.key_column_usage WHERE table_schema = DATABASE() AND table_name = ? AND "
                    + "column_name = ? AND referenced_table_name IS NOT NULL", drop.table(), drop.column())) {
                clauses.add("DROP FOREIGN KEY " + quote(row.get(0)));
            }
            clauses.add("DROP COLUMN " + quote(drop.column()));
            return AlterPlan.of("ALTER TABLE " + quote(drop.table()) + " " + clauses);
        }
        return Dialect.super.alter(change, catalog);
    }
}
