package io.dataport.transfer.internal;

import java.sql.SQLException;

/**
 * Where a table's rows go on the target, as its {@link TransferDialect} loads them: PostgreSQL's {@code COPY}
 * ({@link PostgresCopySink}) or batched inserts ({@link InsertSink}). Rows go in with {@link #add}, then
 * {@link #finish} or {@link #abort}. Not thread-safe: one thread adds.
 */
interface RowSink {

    /**
     * Whether {@link #add} needs the canonical text of doubles too. The checksum hashes doubles by their bits, and
     * formatting a double is slow, so their text is written only for a sink that asks for it.
     */
    boolean needsDoubleText();

    /**
     * Adds one row: canonical values, and their canonical texts ({@link ValueCodec#canonical}; null for null and,
     * unless {@link #needsDoubleText}, for doubles). The caller may reuse both arrays after the call.
     */
    void add(Object[] values, String[] texts) throws SQLException;

    /** Flushes and returns the rows written. */
    long finish() throws SQLException;

    /** Abandons the load after a failure; the transaction is rolled back next. Never throws. */
    void abort();
}
