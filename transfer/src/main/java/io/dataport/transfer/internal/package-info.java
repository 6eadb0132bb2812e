/**
 * The engine behind {@link io.dataport.transfer.Transfer}: schema reading, type mapping, value conversion,
 * checksums, DDL and bulk loading, with what differs between SQLite and PostgreSQL in one
 * {@code TransferDialect} per backend.
 *
 * <p><strong>Unsupported:</strong> not part of Dataport's API. Public only where the {@code io.dataport.transfer}
 * package needs it; changes without notice.
 */
package io.dataport.transfer.internal;
