package io.dataport.spi;

/**
 * A connector's connections now, for {@code Database.metrics()}.
 *
 * <pre>{@code return new PoolState(pool.max(), pool.inUse(), pool.free());}</pre>
 *
 * @param max    the most connections it holds
 * @param active connections in use
 * @param idle   connections open and free
 */
public record PoolState(int max, int active, int idle) {
    /** The state of a connector that does not report one. */
    public static final PoolState UNKNOWN = new PoolState(0, 0, 0);
}
