/**
 * Versioned schema migrations run by {@link io.dataport.Database#migrate()}: SQL scripts on the class path
 * ({@code db/migration/V1__create_users.sql}, with optional per-backend variants such as
 * {@code V2__add_index.postgres.sql}) and Java migrations ({@link io.dataport.migration.Migration}), applied in
 * version order, all pending ones in one transaction, and recorded in the table {@code dataport_schema_history}.
 */
package io.dataport.migration;
