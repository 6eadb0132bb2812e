package io.dataport.spi;

import java.util.List;
import java.util.StringJoiner;

/**
 * How a backend spells the SQL that core writes itself (DDL, paging, upserts) and what its SQL can do
 * (capabilities such as {@link #idGeneration()} and {@link #maxParameters()}). How values are stored is the
 * {@link ValueCodec}'s job. Every method but {@link #name()} has a default, written for standard SQL, so a
 * backend overrides only where it differs. Implementations are stateless and thread-safe.
 */
public interface Dialect {

    /**
     * The dialect's name, e.g. {@code "sqlite"}.
     *
     * @return the dialect's name
     */
    String name();

    /**
     * Quotes an identifier that has already been checked to be a plain name.
     *
     * @param identifier the name
     * @return the quoted identifier
     */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * The column type for a property in {@code CREATE TABLE}.
     *
     * @param type   the property's portable type
     * @param length the maximum length of a {@link ColumnType#STRING} ({@code VARCHAR(n)}), 0 for unbounded
     * @return the SQL type
     */
    default String columnType(ColumnType type, int length) {
        switch (type) {
            case LONG:
                return "BIGINT";
            case INT:
                return "INTEGER";
            case SHORT:
                return "SMALLINT";
            case BOOLEAN:
                return "BOOLEAN";
            case DOUBLE:
                return "DOUBLE PRECISION";
            case STRING:
                return length > 0 ? "VARCHAR(" + length + ")" : "TEXT";
            case BIG_DECIMAL:
                return "NUMERIC";
            case BYTES:
                return "BYTEA";
            case UUID:
                return "UUID";
            case INSTANT:
            case OFFSET_DATE_TIME:
                return "TIMESTAMP WITH TIME ZONE";
            case LOCAL_DATE_TIME:
                return "TIMESTAMP";
            case LOCAL_DATE:
                return "DATE";
            case LOCAL_TIME:
                return "TIME";
            default:
                throw new IllegalArgumentException("Column type unknown: " + type);
        }
    }

    /**
     * The column type for a property in {@code CREATE TABLE}, with its declared precision and scale: a
     * {@link ColumnType#BIG_DECIMAL} with a precision is {@code NUMERIC(precision,scale)}, a number on every
     * backend; anything else is {@link #columnType(ColumnType, int)}.
     *
     * @param type      the property's portable type
     * @param length    the maximum length of a {@link ColumnType#STRING}, 0 for unbounded
     * @param precision the declared precision of a {@link ColumnType#BIG_DECIMAL}, 0 when undeclared
     * @param scale     the declared scale, from 0 to the precision
     * @return the SQL type
     */
    default String columnType(ColumnType type, int length, int precision, int scale) {
        return type == ColumnType.BIG_DECIMAL && precision > 0 ? "NUMERIC(" + precision + "," + scale + ")"
                : columnType(type, length);
    }

    /**
     * The column type of an entity's id that the application gives (not generated), declared {@code PRIMARY KEY}:
     * by default {@link #columnType(ColumnType, int, int, int)}. A backend whose keys cannot be of unbounded
     * type (MySQL's {@code TEXT}) gives a bounded one for a string without a length.
     *
     * @param type      the id's portable type
     * @param length    the declared length of a {@link ColumnType#STRING}, 0 when undeclared
     * @param precision the declared precision of a {@link ColumnType#BIG_DECIMAL}, 0 when undeclared
     * @param scale     the declared scale
     * @return the SQL type
     */
    default String keyColumnType(ColumnType type, int length, int precision, int scale) {
        return columnType(type, length, precision, scale);
    }

    /**
     * The most digits a declared decimal ({@code NUMERIC(p,s)}) column stores exactly; core refuses a larger
     * precision when it builds an entity's SQL. Default: 1000, the limit of standard {@code NUMERIC}
     * implementations; a backend that keeps numbers as binary floating point says 15.
     *
     * @return the largest precision
     */
    default int maxDecimalPrecision() {
        return 1000;
    }

    /**
     * What follows a text column's type in {@code CREATE TABLE} so that it sorts and compares by code point,
     * as SQLite's default {@code BINARY} collation does; empty when that is already the default.
     *
     * @return the collation clause, or an empty string
     */
    default String textCollation() {
        return "";
    }

    /**
     * The definition of a primary key column the database generates ({@link ColumnType#LONG} or
     * {@link ColumnType#INT}), after the column name.
     *
     * @param type the id's type, {@link ColumnType#LONG} or {@link ColumnType#INT}
     * @return the column definition
     */
    default String generatedIdColumn(ColumnType type) {
        return columnType(type, 0) + " GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY";
    }

    /**
     * The clause that makes an insert return a generated column; appended to the statement.
     *
     * @param quotedColumn the generated column, quoted
     * @return the clause, starting with a space
     */
    default String returning(String quotedColumn) {
        return " RETURNING " + quotedColumn;
    }

    /**
     * How the ids of a batch of inserts with generated ids come back; the default is multi-row {@code RETURNING}.
     *
     * @return the strategy
     */
    default IdGeneration idGeneration() {
        return IdGeneration.multiRowReturning();
    }

    /**
     * What to run after inserting application-given ids into a table whose id the database generates, so that
     * later generated ids do not collide with them: the SQL, with one {@code BIGINT} parameter, the largest id
     * given; null (the default) when the database's generator moves past given ids by itself (SQLite's rowid). Core
     * runs it in the inserting transaction. It must never move the generator backwards, also when transactions
     * insert given ids concurrently.
     *
     * @param table    the table, unquoted
     * @param idColumn the id column, unquoted
     * @return the statement, or null
     */
    default String afterGivenId(String table, String idColumn) {
        return null;
    }

    /**
     * The most bound parameters one statement may have; core splits larger statements. Default: 999.
     *
     * @return the limit
     */
    default int maxParameters() {
        return 999;
    }

    /**
     * The statement that {@code Database.migrate()} runs first in its transaction so that concurrent migrators
     * (other processes too) take turns: a lock held until the transaction ends, waiting for one held elsewhere.
     * It is run as a query and its rows are ignored. The default, null, takes no lock: the backend's write
     * transaction already serialises writers (SQLite's {@code BEGIN IMMEDIATE}).
     *
     * @return the statement, or null
     */
    default String migrationLockSql() {
        return null;
    }

    /**
     * Whether schema statements (DDL) take part in transactions, so that core can run a migration or a schema
     * change with its checks as one unit that rolls back whole. True for SQLite and PostgreSQL; a backend whose
     * DDL commits by itself (MySQL) says false, and core runs migrations in auto-commit, recording each one as
     * soon as it is applied, and says so in its failures.
     *
     * @return whether DDL is transactional
     */
    default boolean transactionalDdl() {
        return true;
    }

    /**
     * For a backend without {@link #transactionalDdl() transactional DDL}, whose {@link #migrationLockSql()} lock
     * belongs to the connection rather than a transaction: the statement that releases it, run as a query when
     * the migration ends, successful or not. Default: null (the lock ends with its transaction).
     *
     * @return the statement, or null
     */
    default String migrationUnlockSql() {
        return null;
    }

    /**
     * An upsert: {@code insert} followed by what makes a primary key conflict update the row instead. The
     * default is {@code ON CONFLICT (id) DO UPDATE SET c = excluded.c, ...}, or {@code DO NOTHING} when no column
     * but the id exists. With a version column the update happens only {@code WHERE} the stored version equals the
     * given one ({@code excluded}'s), increments it, and returns it: no row comes back for a stale entity, which
     * core reports as an {@code OptimisticLockException}. A backend that cannot say that in one statement returns
     * null for an entity with a version, and core updates where the version matches, or else inserts, in one
     * transaction.
     *
     * @param insert        {@code INSERT INTO t (...) VALUES (...)} of every column
     * @param quotedTable   the table
     * @param quotedId      the id column
     * @param quotedColumns every column but the id, in the insert's order
     * @param quotedVersion the version column (one of {@code quotedColumns}), or null
     * @return the upsert statement; null for core's update-then-insert (only when {@code quotedVersion} is set)
     */
    default String upsert(String insert, String quotedTable, String quotedId, List<String> quotedColumns,
                          String quotedVersion) {
        StringJoiner set = new StringJoiner(", ");
        for (String c : quotedColumns) {
            set.add(c.equals(quotedVersion) ? c + " = " + quotedTable + "." + c + " + 1" : c + " = excluded." + c);
        }
        return insert + " ON CONFLICT (" + quotedId + ")"
                + (set.length() == 0 ? " DO NOTHING" : " DO UPDATE SET " + set)
                + (quotedVersion == null ? "" : " WHERE " + quotedTable + "." + quotedVersion + " = excluded."
                        + quotedVersion + returning(quotedVersion));
    }

    /**
     * The paging clause, with two positional parameters: the limit, then the offset.
     *
     * @return the clause, starting with a space
     */
    default String limitOffset() {
        return " LIMIT ? OFFSET ?";
    }

    /**
     * Where nulls go in {@code ORDER BY} for a nullable column: last ascending and first descending (nulls sort
     * as the largest value), PostgreSQL's default, spelled out so that SQLite (nulls smallest) agrees.
     *
     * @param ascending whether the column sorts ascending
     * @return the clause, starting with a space
     */
    default String nullsOrder(boolean ascending) {
        return ascending ? " NULLS LAST" : " NULLS FIRST";
    }

    /**
     * One sort key of an {@code ORDER BY}: the expression, its direction and, for a nullable column, where nulls
     * go (last ascending, first descending, on every backend). The default is the expression, {@code ASC} or
     * {@code DESC}, and {@link #nullsOrder(boolean)}; a backend without {@code NULLS FIRST/LAST} spells it
     * otherwise.
     *
     * @param expression the column's {@link #orderExpression(String, ColumnType, int) order expression}
     * @param ascending  whether it sorts ascending
     * @param nullable   whether the column may hold null
     * @return the sort key, possibly more than one expression separated by commas
     */
    default String orderBy(String expression, boolean ascending, boolean nullable) {
        return expression + (ascending ? " ASC" : " DESC") + (nullable ? nullsOrder(ascending) : "");
    }

    /**
     * A text match of a condition ({@code startsWith}, {@code endsWith}, {@code contains}): SQL with one
     * parameter, which core binds to {@link #textPattern}. It must compare by code point and take the text
     * literally; ignoring case, it folds both sides as {@link #lowerCase} does. The default is
     * {@code expression LIKE ? ESCAPE '!'}, case-sensitive where {@code LIKE} is (PostgreSQL, and MySQL's binary
     * collations), and {@code lower(expression) LIKE lower(?) ESCAPE '!'} ignoring case.
     *
     * @param expression the column, quoted
     * @param ignoreCase whether case is folded
     * @return the SQL, with one {@code ?}
     */
    default String textMatch(String expression, boolean ignoreCase) {
        return ignoreCase ? lowerCase(expression) + " LIKE " + lowerCase("?") + " ESCAPE '!'"
                : expression + " LIKE ? ESCAPE '!'";
    }

    /**
     * The parameter of a {@link #textMatch}: the text, literal, where the match wants it. The default escapes
     * {@code !}, {@code %} and {@code _} with {@code !} and adds {@code %} before, after or around it.
     *
     * @param match      where the text is looked for
     * @param text       the text
     * @param ignoreCase whether case is folded
     * @return the bound value
     */
    default String textPattern(io.dataport.Condition.Match match, String text, boolean ignoreCase) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        if (match != io.dataport.Condition.Match.STARTS_WITH) {
            escaped.append('%');
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '!' || c == '%' || c == '_') {
                escaped.append('!');
            }
            escaped.append(c);
        }
        if (match != io.dataport.Condition.Match.ENDS_WITH) {
            escaped.append('%');
        }
        return escaped.toString();
    }

    /**
     * Text folded to lower case as {@code String.toLowerCase(Locale.ROOT)} does, non-ASCII letters included, for
     * matches that ignore case. The default is {@code lower(expression)}.
     *
     * @param expression an expression, or {@code ?}
     * @return the lowered expression
     */
    default String lowerCase(String expression) {
        return "lower(" + expression + ")";
    }

    /**
     * How a column appears in {@code ORDER BY} so that it sorts by its Java value.
     *
     * @param quotedColumn the column, quoted
     * @param type         its portable type
     * @return the expression; the default is the column itself
     */
    default String orderExpression(String quotedColumn, ColumnType type) {
        return quotedColumn;
    }

    /**
     * How a column appears in {@code ORDER BY}, knowing whether a decimal declares a precision (and so is stored
     * as a number). The default is {@link #orderExpression(String, ColumnType)}.
     *
     * @param quotedColumn the column, quoted
     * @param type         its portable type
     * @param precision    the declared precision of a {@link ColumnType#BIG_DECIMAL}, 0 when undeclared
     * @return the expression
     */
    default String orderExpression(String quotedColumn, ColumnType type, int precision) {
        return orderExpression(quotedColumn, type);
    }

    /**
     * The query that reads one table's columns, for {@code Schema.validate}: one parameter, the table's name
     * as mapped (unquoted); one row per column with its name (text), its declared type (text) and whether it
     * accepts null (a boolean or 0/1), in any order; no row when the table does not exist. The default is
     * null: the backend cannot read its tables, and validation fails saying so.
     *
     * @return the query, or null
     */
    default String tableColumnsQuery() {
        return null;
    }

    /**
     * Whether a column of a declared type (as {@link #tableColumnsQuery()} reads it) stores every value of a
     * portable type unchanged, for {@code Schema.validate}. The default accepts the type {@link #columnType}
     * gives, ignoring case and any length.
     *
     * @param declaredType the column's declared type
     * @param type         the property's portable type
     * @return whether the column can hold the property
     */
    default boolean canHold(String declaredType, ColumnType type) {
        return baseType(declaredType).equalsIgnoreCase(baseType(columnType(type, 0)));
    }

    /**
     * Whether a column of a declared type can hold a property with its declared length, precision and scale:
     * a backend that enforces them (PostgreSQL's {@code varchar(n)}, {@code numeric(p,s)}) says whether every
     * value the property allows fits unchanged; a declared decimal may need to be stored as a number. The
     * default ignores them: {@link #canHold(String, ColumnType)}.
     *
     * @param declaredType the column's declared type
     * @param type         the property's portable type
     * @param length       the declared length of a string, 0 when unbounded
     * @param precision    the declared precision of a {@link ColumnType#BIG_DECIMAL}, 0 when undeclared
     * @param scale        the declared scale of a decimal with a precision
     * @return whether the column can hold the property
     */
    default boolean canHold(String declaredType, ColumnType type, int length, int precision, int scale) {
        return canHold(declaredType, type);
    }

    /**
     * The statements that make one schema change, run by core in one read-write transaction, with any checks
     * that must then find nothing. The default is standard SQL {@code ALTER TABLE} ({@code ADD COLUMN},
     * {@code DROP COLUMN}, {@code RENAME COLUMN}, {@code ALTER COLUMN ... SET DATA TYPE}) and
     * {@code CREATE [UNIQUE] INDEX} / {@code DROP INDEX}; a backend whose {@code ALTER TABLE} cannot make a change
     * plans it otherwise, reading the table as it is through {@code catalog} (SQLite rebuilds the table).
     *
     * @param change  the change, its names checked
     * @param catalog reads the catalog in the change's transaction
     * @return the plan
     */
    default AlterPlan alter(SchemaChange change, CatalogReader catalog) {
        String table = change.table() == null ? null : quote(change.table());
        if (change instanceof SchemaChange.AddColumn add) {
            return AlterPlan.of("ALTER TABLE " + table + " ADD COLUMN " + quote(add.column()) + " " + add.definition());
        }
        if (change instanceof SchemaChange.DropColumn drop) {
            return AlterPlan.of("ALTER TABLE " + table + " DROP COLUMN " + quote(drop.column()));
        }
        if (change instanceof SchemaChange.RenameColumn rename) {
            return AlterPlan.of("ALTER TABLE " + table + " RENAME COLUMN " + quote(rename.from()) + " TO "
                    + quote(rename.to()));
        }
        if (change instanceof SchemaChange.ChangeColumnType type) {
            return AlterPlan.of("ALTER TABLE " + table + " ALTER COLUMN " + quote(type.column()) + " SET DATA TYPE "
                    + type.type() + type.collation());
        }
        if (change instanceof SchemaChange.AddIndex index) {
            StringJoiner columns = new StringJoiner(", ", " (", ")");
            for (String c : index.columns()) {
                columns.add(quote(c));
            }
            return AlterPlan.of("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
                    + table + columns);
        }
        SchemaChange.DropIndex drop = (SchemaChange.DropIndex) change;
        return AlterPlan.of("DROP INDEX " + quote(drop.name()));
    }

    /**
     * A declared type without its length or precision: {@code VARCHAR(40)} gives {@code VARCHAR}.
     *
     * @param declaredType a declared type
     * @return the type's name, trimmed
     */
    static String baseType(String declaredType) {
        int paren = declaredType.indexOf('(');
        return (paren < 0 ? declaredType : declaredType.substring(0, paren)).trim();
    }
}
