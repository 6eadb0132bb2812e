package io.dataport.transfer.internal;

import java.sql.SQLException;

/**
 * Where a table's rows go on the target, as its {@link TransferDialect} loads them: PostgreSQL's {@code COPY}
 * ({@link PostgresCopySink}) or batched inserts ({@link InsertSink}). Rows go in with {@link #add}, then
 * {@link #finish} or {@link #abort}. Not thread-safe: one thread adds.
 */
interface RowSink {

    /** Adds one row of canonical values ({@link ValueCodec}); the sink may keep the array, which is not reused. */
    void add(Object[] values) throws SQLException;

    /** Flushes and returns the rows written. */
    long finish() throws SQLException;

    /** Abandons the load after a failure; the transaction is rolled back next. Never throws. */
    void abort();
}
