package io.dataport.benchmarks;

import io.dataport.mapping.Id;
import io.dataport.mapping.Table;

/** The row every workload but W4 reads and writes. */
@Table("bench_item")
public record Item(@Id Long id, String name, int qty) {
}
