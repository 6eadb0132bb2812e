package io.dataport;

import java.sql.Connection;

/**
 * The isolation level a transaction asks for with {@link Database#inTransaction(TransactionIsolation,
 * SessionCallback)}: the SQL standard's levels, weakest first.
 *
 * <pre>{@code db.useTransaction(TransactionIsolation.SERIALIZABLE, s -> transfer(s, from, to, amount));}</pre>
 *
 * <p>A level asked for is that level, not "at least" it: on PostgreSQL {@code READ_COMMITTED} runs at read
 * committed, and gives up what that level gives up (a read-then-write can lose a concurrent update unless it
 * locks the row with {@code SELECT ... FOR UPDATE}). SQLite has no weaker level: its transactions are always
 * serializable, so any level runs serializable there. The default, for transactions that ask for none, is
 * {@link Database.Builder#isolation(TransactionIsolation)}: {@link #SERIALIZABLE}. Serialization failures are
 * conflicts, retried like any other.
 */
public enum TransactionIsolation {
    /** Reads only committed data; each statement sees what was committed when it started. */
    READ_COMMITTED(Connection.TRANSACTION_READ_COMMITTED),
    /** Every statement of the transaction sees the same snapshot. */
    REPEATABLE_READ(Connection.TRANSACTION_REPEATABLE_READ),
    /** The transaction behaves as if it ran alone; concurrent ones that could break this fail and are retried. */
    SERIALIZABLE(Connection.TRANSACTION_SERIALIZABLE);

    private final int jdbcLevel;

    TransactionIsolation(int jdbcLevel) {
        this.jdbcLevel = jdbcLevel;
    }

    /** {@return the {@link Connection} constant of this level: {@code Connection.TRANSACTION_*}} */
    public int jdbcLevel() {
        return jdbcLevel;
    }
}
