package io.dataport.transfer.internal;

import java.util.List;
import java.util.Optional;

/** A source table: columns in order, primary key, indexes and foreign keys. */
record TableInfo(String name, List<ColumnInfo> columns, List<String> primaryKey, List<IndexInfo> indexes,
                        List<ForeignKeyInfo> foreignKeys) {

    /** The generated key column, if the table has one. */
    public Optional<ColumnInfo> identity() {
        return columns.stream().filter(ColumnInfo::identity).findFirst();
    }

    /** The column of that name. */
    public ColumnInfo column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }
}
