package io.dataport.spi;

import java.util.List;

/**
 * One change to an existing table, as {@code Schema}'s operations give it to {@link Dialect#alter}: names are
 * plain identifiers, unquoted, already checked (the table and columns exist, a new name does not); definitions
 * and types are in the dialect's spelling. Immutable.
 */
public sealed interface SchemaChange {

    /**
     * The table the change applies to.
     *
     * @return the table, unquoted
     */
    String table();

    /**
     * Adds a column.
     *
     * @param table      the table, unquoted
     * @param column     the new column, unquoted
     * @param definition what follows the quoted name: type, collation, {@code NOT NULL DEFAULT ...}
     */
    record AddColumn(String table, String column, String definition) implements SchemaChange {
    }

    /**
     * Drops a column, with the indexes and table constraints that use it.
     *
     * @param table  the table, unquoted
     * @param column the column, unquoted
     */
    record DropColumn(String table, String column) implements SchemaChange {
    }

    /**
     * Renames a column; indexes, constraints and triggers follow it.
     *
     * @param table the table, unquoted
     * @param from  the column's name, unquoted
     * @param to    its new name, unquoted
     */
    record RenameColumn(String table, String from, String to) implements SchemaChange {
    }

    /**
     * Changes a column's type, converting the stored values.
     *
     * @param table     the table, unquoted
     * @param column    the column, unquoted
     * @param type      the new SQL type, as {@link Dialect#columnType(ColumnType, int, int, int)} gives it
     * @param collation what follows the type ({@link Dialect#textCollation()}), or an empty string
     */
    record ChangeColumnType(String table, String column, String type, String collation) implements SchemaChange {
    }

    /**
     * Creates an index; a unique one is how a unique constraint is added, on every backend.
     *
     * @param table   the table, unquoted
     * @param name    the index, unquoted
     * @param columns the indexed columns, unquoted, in order
     * @param unique  whether the index refuses duplicate keys
     */
    record AddIndex(String table, String name, List<String> columns, boolean unique) implements SchemaChange {
        /**
         * Copies the columns.
         *
         * @param table   the table, unquoted
         * @param name    the index, unquoted
         * @param columns the indexed columns, unquoted, in order
         * @param unique  whether the index refuses duplicate keys
         */
        public AddIndex {
            columns = List.copyOf(columns);
        }
    }

    /**
     * Drops an index.
     *
     * @param table the table, null: an index is named without its table
     * @param name  the index, unquoted
     */
    record DropIndex(String table, String name) implements SchemaChange {
    }
}
