package io.dataport.transfer.internal;

import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Writes a source table's schema in the target's dialect: CREATE TABLE with the dialect's types, NOT NULL,
 * portable defaults, primary key and identity; indexes; foreign keys (in CREATE TABLE, or added once every table
 * is loaded when the dialect {@link TransferDialect#addsKeysAfterLoad adds keys after the load}).
 */
final class DdlWriter {
    private final TransferDialect dialect;
    private final Names names;

    DdlWriter(TransferDialect dialect, Names names) {
        this.dialect = dialect;
        this.names = names;
    }

    /** CREATE TABLE for the target; {@code tables} are the source tables of this transfer (foreign key targets). */
    String createTable(TableInfo table, Set<String> tables) {
        List<String> parts = new ArrayList<>();
        boolean keyDeclared = false;
        for (ColumnInfo c : table.columns()) {
            StringBuilder sb = new StringBuilder(names.quoted(c.name())).append(' ');
            String identity = c.identity()
                    ? dialect.identityColumn(c.type(), table.primaryKey().equals(List.of(c.name()))) : null;
            boolean isKey = identity != null && dialect.identityIsPrimaryKey();
            keyDeclared |= isKey;
            sb.append(identity != null ? identity : dialect.columnType(c.type(), false));
            if (!c.nullable() && !isKey) {
                sb.append(" NOT NULL");
            }
            if (c.defaultValue() != null && !c.identity()) {
                String d = c.defaultValue().render(c.type().kind(), dialect);
                if (d != null) {
                    sb.append(" DEFAULT ").append(dialect.defaultExpression(d));
                }
            }
            parts.add(sb.toString());
        }
        if (!dialect.addsKeysAfterLoad()) {
            if (!table.primaryKey().isEmpty() && !keyDeclared) {
                parts.add("PRIMARY KEY (" + names.columns(table.primaryKey()) + ")");
            }
            for (ForeignKeyInfo fk : table.foreignKeys()) {
                if (tables.contains(fk.referencedTable())) {
                    parts.add(foreignKeyClause(fk));
                }
            }
        }
        return "CREATE TABLE " + names.table(table.name()) + " (\n    " + String.join(",\n    ", parts) + "\n)";
    }

    /** The primary key, when added after the load, and CREATE INDEX for the table's indexes and unique constraints. */
    List<String> createIndexes(TableInfo table) {
        List<String> sql = new ArrayList<>();
        if (dialect.addsKeysAfterLoad() && !table.primaryKey().isEmpty()) {
            sql.add("ALTER TABLE " + names.table(table.name()) + " ADD PRIMARY KEY (" + names.columns(table.primaryKey())
                    + ")");
        }
        for (IndexInfo index : table.indexes()) {
            String name = limit(names.name(index.name()));
            sql.add("CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + SchemaReader.quote(name) + " ON "
                    + names.table(table.name()) + " (" + names.columns(index.columns()) + ")");
        }
        return sql;
    }

    /** ALTER TABLE ... ADD CONSTRAINT for the foreign keys, once every table is loaded; none when declared inline. */
    List<String> addForeignKeys(TableInfo table, Set<String> tables) {
        List<String> sql = new ArrayList<>();
        if (!dialect.addsKeysAfterLoad()) {
            return sql;
        }
        for (ForeignKeyInfo fk : table.foreignKeys()) {
            if (tables.contains(fk.referencedTable())) {
                sql.add("ALTER TABLE " + names.table(table.name()) + " ADD CONSTRAINT "
                        + SchemaReader.quote(foreignKeyName(table, fk)) + " " + foreignKeyClause(fk));
            }
        }
        return sql;
    }

    String foreignKeyName(TableInfo table, ForeignKeyInfo fk) {
        String name = fk.name() == null || fk.name().isBlank()
                ? "fk_" + table.name() + "_" + String.join("_", fk.columns()) : fk.name();
        return limit(names.name(name));
    }

    private String foreignKeyClause(ForeignKeyInfo fk) {
        return "FOREIGN KEY (" + names.columns(fk.columns()) + ") REFERENCES " + names.table(fk.referencedTable())
                + " (" + names.columns(fk.referencedColumns()) + ")" + rule(" ON UPDATE ", fk.updateRule())
                + rule(" ON DELETE ", fk.deleteRule());
    }

    private static String rule(String prefix, int rule) {
        switch (rule) {
            case DatabaseMetaData.importedKeyCascade:
                return prefix + "CASCADE";
            case DatabaseMetaData.importedKeySetNull:
                return prefix + "SET NULL";
            case DatabaseMetaData.importedKeySetDefault:
                return prefix + "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict:
                return prefix + "RESTRICT";
            default:
                return "";
        }
    }

    private String limit(String name) {
        int max = dialect.maxIdentifierLength();
        return name.length() > max ? name.substring(0, max) : name;
    }

    /** The statement that makes the identity continue after the highest value now in the table, if one is needed. */
    Optional<String> restartIdentity(TableInfo table, ColumnInfo identity) {
        return dialect.restartIdentity(names.table(table.name()), names.name(identity.name()));
    }
}
