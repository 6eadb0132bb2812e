package io.dataport.transfer.internal;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Target identifiers: source names kept as they are and always quoted, or folded to lower case (so unquoted
 * SQL such as {@code select * from Album} finds the table on PostgreSQL), and qualified with the target schema.
 */
final class Names {
    private final boolean fold;
    private final String schema;

    Names(boolean fold, String schema) {
        this.fold = fold;
        this.schema = schema;
    }

    /** The target spelling of a source identifier. */
    String name(String source) {
        return fold ? source.toLowerCase(Locale.ROOT) : source;
    }

    /** The quoted target spelling of a source identifier. */
    String quoted(String source) {
        return SchemaReader.quote(name(source));
    }

    /** The quoted, schema-qualified target table for a source table. */
    String table(String sourceTable) {
        return qualifiedTarget(name(sourceTable));
    }

    /** The quoted, schema-qualified form of a name already in target spelling. */
    String qualifiedTarget(String targetName) {
        String quoted = SchemaReader.quote(targetName);
        return schema == null ? quoted : SchemaReader.quote(schema) + "." + quoted;
    }

    String columns(List<String> sourceColumns) {
        return sourceColumns.stream().map(this::quoted).collect(Collectors.joining(", "));
    }

    String schema() {
        return schema;
    }
}
