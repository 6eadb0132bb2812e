package io.dataport.benchmarks;

import java.util.List;

/**
 * A workload on one backend: its variants and how much work a warm-up round and a measured round do. At most
 * one variant has role JDBC and one role JDBI: they are the references of Dataport's ratios.
 */
record Workload(String id, String title, String unit, List<Variant> variants, int warmupRounds, int warmupSize,
                int size) {
}
