package io.dataport.transfer.internal;

import java.util.List;

/**
 * A source foreign key.
 *
 * @param updateRule a {@link java.sql.DatabaseMetaData} {@code importedKey*} rule
 * @param deleteRule a {@link java.sql.DatabaseMetaData} {@code importedKey*} rule
 */
record ForeignKeyInfo(String name, List<String> columns, String referencedTable, List<String> referencedColumns,
                             int updateRule, int deleteRule) {
}
