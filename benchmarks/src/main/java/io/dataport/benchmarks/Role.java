package io.dataport.benchmarks;

/** What a variant stands for in the ratios: the limit (JDBC), the layer underneath (Jdbi), or Dataport. */
enum Role {
    /** Hand-written JDBC, prepared statements reused: the reference for "vs JDBC". */
    JDBC,
    /** Plain Jdbi on the same pool: the reference for "vs Jdbi". */
    JDBI,
    /** Dataport. */
    DATAPORT,
    /** Shown for comparison only (e.g. the naive SQLite way in W4). */
    OTHER
}
