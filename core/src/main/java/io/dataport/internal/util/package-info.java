/**
 * Small helpers with no Dataport knowledge.
 *
 * <p><strong>Unsupported:</strong> these types are public only so that Dataport's own packages can share them.
 * They change without notice; applications and backends must not use them.
 */
package io.dataport.internal.util;
