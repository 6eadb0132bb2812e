package io.dataport;

import java.util.List;

/**
 * The live tables differ from the entity mappings, found by {@link Schema#validate}: a missing table or
 * column, a column whose type cannot hold its property, or a nullable column behind a primitive property. The
 * message lists every difference, each naming the table, the column and the remedy; {@link #differences()}
 * gives them one by one.
 */
public class SchemaMismatchException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /** The differences, each a sentence naming the table, the column and the remedy. */
    private final List<String> differences;

    /**
     * Creates the exception for a non-empty list of differences.
     *
     * @param differences the differences, each a sentence naming the table, the column and the remedy
     */
    public SchemaMismatchException(List<String> differences) {
        super("Schema does not match the entity mappings: " + differences.size() + " difference"
                + (differences.size() == 1 ? "" : "s") + ".\n- " + String.join("\n- ", differences));
        this.differences = List.copyOf(differences);
    }

    /**
     * The differences found, in the order of the entity classes and their properties.
     *
     * @return the differences, each a sentence naming the table, the column and the remedy
     */
    public List<String> differences() {
        return differences;
    }
}
