package io.dataport.benchmarks;

/** What a variant stands for in the ratios: the physical limit, JDBC with a pool, Jdbi, or Dataport. */
enum Role {
    /**
     * The physical limit: raw JDBC where each thread holds one connection for the whole round and reuses one
     * prepared statement, its bindings computed before the timing, single statements in auto-commit. Where the
     * JDBC variant already works that way (one connection for the round: W2, W4, W6) it is the limit, and this role
     * is not used.
     */
    LIMIT,
    /** Hand-written JDBC borrowing a connection from the pool per operation, prepared statements reused. */
    JDBC,
    /** Plain Jdbi on the same pool: the reference for "vs Jdbi". */
    JDBI,
    /** Dataport. */
    DATAPORT,
    /** Shown for comparison only (e.g. the naive SQLite way in W4). */
    OTHER
}
