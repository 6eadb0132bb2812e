package io.dataport.sqlite;

import io.dataport.ConfigurationException;
import io.dataport.spi.AlterPlan;
import io.dataport.spi.CatalogReader;
import io.dataport.spi.SchemaChange;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.StringJoiner;

/**
 * SQLite's schema changes. {@code ALTER TABLE} adds, renames and (3.35+) drops a plain column in place; a type
 * change, or dropping a column that an index, a key, a constraint or a trigger uses, rebuilds the table in the
 * change's transaction, like SQLite's "making other kinds of table schema changes" and Alembic's batch mode: defer
 * foreign keys; copy the rows to a temporary table; drop the table; create it again from its {@code CREATE TABLE}
 * text in {@code sqlite_master} with the one column rewritten (so CHECK, UNIQUE, PRIMARY KEY, foreign keys,
 * collations and defaults all survive); copy the rows back; recreate the table's indexes and triggers from
 * {@code sqlite_master} (minus those on a dropped column); then check the foreign keys of the table and of the
 * tables that reference it. The table is created under its own name rather than as {@code "t__new"} renamed:
 * with foreign keys on (which cannot be turned off in a transaction) dropping a referenced table counts every
 * referencing row as a deferred violation, and only inserting the parent rows again uncounts them. Stateless.
 */
final class SqliteAlter {
    /** Words that end a column's type and start its constraints. */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE",
            "CHECK", "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS");
    /** Words that start a table constraint rather than a column. */
    private static final Set<String> TABLE_CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK",
            "FOREIGN");

    private SqliteAlter() {
    }

    static AlterPlan plan(SqliteDialect dialect, SchemaChange change, CatalogReader catalog) {
        if (change instanceof SchemaChange.ChangeColumnType type) {
            return rebuild(dialect, catalog, type.table(), type.column(), type.type() + type.collation());
        }
        if (change instanceof SchemaChange.DropColumn drop && !droppableInPlace(catalog, drop.table(), drop.column())) {
            return rebuild(dialect, catalog, drop.table(), drop.column(), null);
        }
        return null;
    }

    /**
     * Whether {@code ALTER TABLE DROP COLUMN} can drop the column: no index (explicit, or behind UNIQUE or PRIMARY
     * KEY), foreign key, CHECK or trigger uses it, which SQLite refuses.
     */
    private static boolean droppableInPlace(CatalogReader catalog, String table, String column) {
        if (!catalog.query("SELECT 1 FROM pragma_index_list(?) l JOIN pragma_index_info(l.name) i "
                + "WHERE lower(i.name) = lower(?)", table, column).isEmpty()) {
            return false;
        }
        if (!catalog.query("SELECT 1 FROM pragma_foreign_key_list(?) WHERE lower(\"from\") = lower(?)", table, column)
                .isEmpty()) {
            return false;
        }
        if (!catalog.query("SELECT 1 FROM pragma_table_info(?) WHERE pk > 0 AND lower(name) = lower(?)", table, column)
                .isEmpty()) {
            return false;
        }
        Parts parts = Parts.of(createSql(catalog, table), table);
        int mentions = 0;
        for (String part : parts.defs) {
            mentions += mentions(part, column);
        }
        for (List<String> row : catalog.query("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ?",
                table)) {
            mentions += mentions(row.get(0), column);
        }
        return mentions <= 1;
    }

    /** Rebuilds the table with {@code column} of type {@code newType}, or without it when the type is null. */
    private static AlterPlan rebuild(SqliteDialect dialect, CatalogReader catalog, String table, String column,
                                     String newType) {
        Parts parts = Parts.of(createSql(catalog, table), table);
        List<String> defs = new ArrayList<>();
        for (String def : parts.defs) {
            String name = columnName(def);
            if (name != null && name.equalsIgnoreCase(column)) {
                if (newType != null) {
                    defs.add(dialect.quote(name) + " " + newType + constraintsOf(def));
                }
            } else if (newType != null || name != null || mentions(def, column) == 0) {
                // A table constraint on a dropped column goes with it, as on PostgreSQL.
                defs.add(def);
            }
        }
        StringJoiner columns = new StringJoiner(", ");
        for (List<String> row : catalog.query("SELECT name FROM pragma_table_info(?) ORDER BY cid", table)) {
            if (newType != null || !row.get(0).equalsIgnoreCase(column)) {
                columns.add(dialect.quote(row.get(0)));
            }
        }
        List<List<String>> dependents = catalog.query("SELECT type, sql FROM sqlite_master WHERE tbl_name = ? "
                + "AND type IN ('index', 'trigger') AND sql IS NOT NULL ORDER BY type, name", table);
        String quoted = dialect.quote(table);
        String saved = "temp." + dialect.quote(table + "__old");
        List<String> statements = new ArrayList<>();
        statements.add("PRAGMA defer_foreign_keys = ON");
        statements.add("CREATE TEMP TABLE " + dialect.quote(table + "__old") + " AS SELECT " + columns + " FROM " + quoted);
        // Dropping a parent counts each referencing row as a deferred violation; inserting the rows again into the
        // table of the same name uncounts them, which renaming a copied table would not (the commit would fail).
        statements.add("DROP TABLE " + quoted);
        statements.add("CREATE TABLE " + quoted + " (" + String.join(", ", defs) + ")" + parts.tail);
        statements.add("INSERT INTO " + quoted + " (" + columns + ") SELECT " + columns + " FROM " + saved);
        statements.add("DROP TABLE " + saved);
        for (List<String> row : dependents) {
            String sql = row.get(1);
            String on = row.get(0).equals("index") ? sql.substring(sql.indexOf('(')) : sql;
            if (newType != null || mentions(on, column) == 0) {
                statements.add(sql);
            }
        }
        List<String> checks = new ArrayList<>();
        checks.add("SELECT * FROM pragma_foreign_key_check(" + literal(table) + ")");
        for (List<String> row : catalog.query("SELECT m.name FROM sqlite_master m, pragma_foreign_key_list(m.name) f "
                + "WHERE m.type = 'table' AND lower(f.\"table\") = lower(?) AND m.name <> ? GROUP BY m.name", table, table)) {
            checks.add("SELECT * FROM pragma_foreign_key_check(" + literal(row.get(0)) + ")");
        }
        return new AlterPlan(statements, checks);
    }

    private static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    private static String createSql(CatalogReader catalog, String table) {
        List<List<String>> rows = catalog.query("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ? "
                + "COLLATE NOCASE", table);
        if (rows.isEmpty() || rows.get(0).get(0) == null) {
            throw new ConfigurationException("Table \"" + table + "\" has no CREATE TABLE in sqlite_master. "
                    + "Create it first; a virtual or system table cannot be changed.");
        }
        return rows.get(0).get(0);
    }

    /** A column definition's name, or null for a table constraint. */
    private static String columnName(String def) {
        List<String> tokens = tokens(def, 1);
        String first = tokens.get(0);
        if (!isQuoted(first) && TABLE_CONSTRAINT_WORDS.contains(first.toUpperCase(Locale.ROOT))) {
            return null;
        }
        return unquote(first);
    }

    /** What follows a column definition's name and type: its constraints, with a leading space, or empty. */
    private static String constraintsOf(String def) {
        int i = skipToken(def, skipSpace(def, 0));
        while (true) {
            int start = skipSpace(def, i);
            if (start >= def.length()) {
                return "";
            }
            char c = def.charAt(start);
            if (c == '(') {
                i = skipToken(def, start);
                continue;
            }
            int end = skipToken(def, start);
            String word = def.substring(start, end);
            if (CONSTRAINT_WORDS.contains(word.toUpperCase(Locale.ROOT)) || !Character.isLetterOrDigit(c) && c != '_') {
                return " " + def.substring(start).trim();
            }
            i = end;
        }
    }

    /** How often a SQL fragment names the identifier, quoted or not (case-insensitive); string literals do not count. */
    static int mentions(String sql, String identifier) {
        int n = 0;
        for (String token : tokens(sql, Integer.MAX_VALUE)) {
            if (!token.startsWith("'") && unquote(token).equalsIgnoreCase(identifier)) {
                n++;
            }
        }
        return n;
    }

    private static List<String> tokens(String sql, int max) {
        List<String> tokens = new ArrayList<>();
        int i = skipSpace(sql, 0);
        while (i < sql.length() && tokens.size() < max) {
            int end = skipToken(sql, i);
            if (sql.charAt(i) == '(' && end - i > 1) {
                tokens.addAll(tokens(sql.substring(i + 1, end - 1), max - tokens.size()));
            } else {
                tokens.add(sql.substring(i, end));
            }
            i = skipSpace(sql, end);
        }
        return tokens;
    }

    private static int skipSpace(String sql, int i) {
        while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
            i++;
        }
        return i;
    }

    /** The end of the token at {@code i}: a word, a quoted name or literal, a parenthesised group, or one symbol. */
    private static int skipToken(String sql, int i) {
        char c = sql.charAt(i);
        if (c == '"' || c == '\'' || c == '`' || c == '[') {
            char close = c == '[' ? ']' : c;
            int j = i + 1;
            while (j < sql.length()) {
                if (sql.charAt(j) == close) {
                    if (close != ']' && j + 1 < sql.length() && sql.charAt(j + 1) == close) {
                        j += 2;
                        continue;
                    }
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (c == '(') {
            int depth = 0;
            int j = i;
            while (j < sql.length()) {
                char d = sql.charAt(j);
                if (d == '"' || d == '\'' || d == '`' || d == '[') {
                    j = skipToken(sql, j);
                    continue;
                }
                if (d == '(') {
                    depth++;
                } else if (d == ')' && --depth == 0) {
                    return j + 1;
                }
                j++;
            }
            return sql.length();
        }
        if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
            int j = i;
            while (j < sql.length() && (Character.isLetterOrDigit(sql.charAt(j)) || sql.charAt(j) == '_'
                    || sql.charAt(j) == '$')) {
                j++;
            }
            return j;
        }
        return i + 1;
    }

    private static boolean isQuoted(String token) {
        char c = token.charAt(0);
        return c == '"' || c == '`' || c == '[' || c == '\'';
    }

    private static String unquote(String token) {
        if (token.length() >= 2 && isQuoted(token)) {
            char close = token.charAt(0) == '[' ? ']' : token.charAt(0);
            return token.substring(1, token.length() - 1).replace("" + close + close, "" + close);
        }
        return token;
    }

    /** A {@code CREATE TABLE}'s column and constraint definitions, and what follows their parentheses. */
    private static final class Parts {
        final List<String> defs = new ArrayList<>();
        final String tail;

        private Parts(String body, String tail) {
            this.tail = tail;
            int start = 0;
            int i = 0;
            while (i < body.length()) {
                char c = body.charAt(i);
                if (c == ',') {
                    defs.add(body.substring(start, i).trim());
                    start = ++i;
                } else if (c == '(' || c == '"' || c == '\'' || c == '`' || c == '[') {
                    i = skipToken(body, i);
                } else {
                    i++;
                }
            }
            defs.add(body.substring(start).trim());
        }

        static Parts of(String createSql, String table) {
            int i = skipSpace(createSql, 0);
            while (i < createSql.length() && createSql.charAt(i) != '(') {
                i = skipSpace(createSql, skipToken(createSql, i));
            }
            if (i >= createSql.length()) {
                throw new ConfigurationException("Table \"" + table + "\" is defined AS SELECT, without columns: "
                        + createSql + ". Recreate it with a column list.");
            }
            int end = skipToken(createSql, i);
            return new Parts(createSql.substring(i + 1, end - 1), createSql.substring(end));
        }
    }
}
