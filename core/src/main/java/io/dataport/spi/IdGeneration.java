package io.dataport.spi;

import java.util.Objects;

/**
 * A {@link Dialect} capability: how the ids the database generates for a batch of inserts come back to core.
 * Immutable; make one with a factory.
 *
 * <pre>{@code
 * public IdGeneration idGeneration() { return IdGeneration.rowidRange("SELECT last_insert_rowid()"); }
 * }</pre>
 */
public final class IdGeneration {
    /** The ways ids come back. */
    public enum Strategy {
        /** Multi-row {@code INSERT ... VALUES (..), (..) RETURNING id}: one statement and one result per chunk. */
        MULTI_ROW_RETURNING,
        /**
         * A JDBC batch without generated keys, then a query for the last id: a batch of inserts into one table in
         * one write transaction gets consecutive ids (SQLite's rowid), which core checks.
         */
        ROWID_RANGE,
        /** One {@code INSERT ... RETURNING id} per row: for databases that can do neither. */
        ONE_PER_ROW
    }

    private static final IdGeneration MULTI_ROW_RETURNING = new IdGeneration(Strategy.MULTI_ROW_RETURNING, null);
    private static final IdGeneration ONE_PER_ROW = new IdGeneration(Strategy.ONE_PER_ROW, null);

    private final Strategy strategy;
    private final String lastIdQuery;

    private IdGeneration(Strategy strategy, String lastIdQuery) {
        this.strategy = strategy;
        this.lastIdQuery = lastIdQuery;
    }

    /**
     * Ids come back from multi-row {@code INSERT ... RETURNING}.
     *
     * @return the capability
     */
    public static IdGeneration multiRowReturning() {
        return MULTI_ROW_RETURNING;
    }

    /**
     * Ids are consecutive in a batch and the last one is what {@code lastIdQuery} returns.
     *
     * @param lastIdQuery the query giving the id generated last on the connection, e.g.
     *                    {@code SELECT last_insert_rowid()}
     * @return the capability
     */
    public static IdGeneration rowidRange(String lastIdQuery) {
        return new IdGeneration(Strategy.ROWID_RANGE, Objects.requireNonNull(lastIdQuery, "lastIdQuery"));
    }

    /**
     * Each row is inserted on its own with {@code RETURNING}.
     *
     * @return the capability
     */
    public static IdGeneration onePerRow() {
        return ONE_PER_ROW;
    }

    /**
     * Which way ids come back.
     *
     * @return the strategy
     */
    public Strategy strategy() {
        return strategy;
    }

    /**
     * For {@link Strategy#ROWID_RANGE}: the query giving the id generated last on the connection; else null.
     *
     * @return the query, or {@code null}
     */
    public String lastIdQuery() {
        return lastIdQuery;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdGeneration && ((IdGeneration) o).strategy == strategy
                && Objects.equals(((IdGeneration) o).lastIdQuery, lastIdQuery);
    }

    @Override
    public int hashCode() {
        return Objects.hash(strategy, lastIdQuery);
    }

    @Override
    public String toString() {
        return lastIdQuery == null ? strategy.name() : strategy + "(" + lastIdQuery + ")";
    }
}
