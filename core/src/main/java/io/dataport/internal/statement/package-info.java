/**
 * Statements: the one statement runner (guard, cache, bind, execute, translate) used by Dataport's own SQL and by the Jdbi hooks, and error translation.
 *
 * <p><strong>Unsupported:</strong> these types are public only so that Dataport's own packages can share them.
 * They change without notice; applications and backends must not use them.
 */
package io.dataport.internal.statement;
