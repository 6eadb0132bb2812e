/**
 * The engine behind {@link io.dataport.transfer.Transfer}: schema reading, type mapping, value conversion,
 * checksums and DDL for SQLite and PostgreSQL.
 *
 * <p><strong>Unsupported:</strong> public only for Dataport's own modules; changes without notice.
 */
package io.dataport.transfer.internal;
