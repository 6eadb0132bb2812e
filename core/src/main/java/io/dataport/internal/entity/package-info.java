/**
 * Entity metadata: annotations read once per class into properties, names and portable types; entity row mapping and value arguments for Jdbi.
 *
 * <p><strong>Unsupported:</strong> these types are public only so that Dataport's own packages can share them.
 * They change without notice; applications and backends must not use them.
 */
package io.dataport.internal.entity;
