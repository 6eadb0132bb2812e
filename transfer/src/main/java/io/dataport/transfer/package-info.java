/**
 * Moving a whole database between backends (SQLite to PostgreSQL and back): schema, rows, identity sequences,
 * with per-table verification. Start at {@link io.dataport.transfer.Transfer}.
 */
package io.dataport.transfer;
