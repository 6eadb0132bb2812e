package io.dataport.transfer.internal;

/**
 * A source column as a transfer needs it.
 *
 * @param name         the column name as the source spells it
 * @param declaredType the type as the source declares it, for messages and the report
 * @param type         what the type means
 * @param nullable     whether NULL is allowed
 * @param defaultValue a portable default ({@link DefaultValue}), or null
 * @param identity     whether the database generates its values (SQLite rowid alias, PostgreSQL identity or serial)
 */
record ColumnInfo(String name, String declaredType, LogicalType type, boolean nullable,
                         DefaultValue defaultValue, boolean identity) {
}
