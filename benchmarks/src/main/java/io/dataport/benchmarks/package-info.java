/**
 * The Dataport benchmark harness: each workload run with raw JDBC, plain Jdbi and Dataport side by side, rounds
 * interleaved in one process so ratios hold on a noisy machine. Run {@code java -jar benchmarks/target/benchmarks.jar}.
 */
package io.dataport.benchmarks;
