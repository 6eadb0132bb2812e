package io.dataport.spi;

import java.util.List;

/**
 * What a dialect runs for one {@link SchemaChange}: the statements, in order, in the change's transaction, then
 * the checks, queries each of which must return no row (else core fails the change and rolls it back).
 * Immutable.
 *
 * @param statements the DDL and DML to run, in order
 * @param checks     queries that must return no row once the statements ran, e.g. a foreign key check
 */
public record AlterPlan(List<String> statements, List<String> checks) {
    /**
     * Copies the lists.
     *
     * @param statements the DDL and DML to run, in order
     * @param checks     queries that must return no row once the statements ran
     */
    public AlterPlan {
        statements = List.copyOf(statements);
        checks = List.copyOf(checks);
    }

    /**
     * A plan of statements without checks.
     *
     * @param statements the statements, in order
     * @return the plan
     */
    public static AlterPlan of(String... statements) {
        return new AlterPlan(List.of(statements), List.of());
    }
}
