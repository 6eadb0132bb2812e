/**
 * SQL building: the statements of one entity in one dialect, built once.
 *
 * <p><strong>Unsupported:</strong> these types are public only so that Dataport's own packages can share them.
 * They change without notice; applications and backends must not use them.
 */
package io.dataport.internal.sql;
