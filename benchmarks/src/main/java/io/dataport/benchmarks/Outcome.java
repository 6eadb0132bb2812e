package io.dataport.benchmarks;

/**
 * What one round of a variant did: operations completed, operations that failed, and a free note (final
 * counter value, rows read).
 */
record Outcome(long ops, long errors, String note) {
    static Outcome of(long ops) {
        return new Outcome(ops, 0, "");
    }
}
