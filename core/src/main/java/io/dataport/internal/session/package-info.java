/**
 * Sessions and transactions: the one transaction runner and retry policy, the state of a borrowed connection, the database's lifecycle, backend discovery, and Jdbi wired to them.
 *
 * <p><strong>Unsupported:</strong> these types are public only so that Dataport's own packages can share them.
 * They change without notice; applications and backends must not use them.
 */
package io.dataport.internal.session;
