package io.dataport.benchmarks;

/**
 * One way to run a workload: a name shown in the table, its role in the ratios, work done untimed before each
 * round (clearing a table), and the timed round itself.
 */
record Variant(String name, Role role, Step prepare, Round round) {

    /** The timed part: does {@code size} units of work (rows, lookups, transactions or milliseconds). */
    @FunctionalInterface
    interface Round {
        Outcome run(int size) throws Exception;
    }

    /** The untimed part before each round. */
    @FunctionalInterface
    interface Step {
        void run() throws Exception;
    }

    static Variant of(String name, Role role, Round round) {
        return new Variant(name, role, () -> { }, round);
    }

    Variant withPrepare(Step step) {
        return new Variant(name, role, step, round);
    }
}
