/**
 * Versioned migrations: finding the scripts on the class path, splitting them into statements, checking them
 * against the history table, and running the pending ones in one transaction.
 *
 * <p><strong>Unsupported:</strong> these types are public only so that Dataport's own packages can share them.
 * They change without notice; applications and backends must not use them.
 */
package io.dataport.internal.migration;
