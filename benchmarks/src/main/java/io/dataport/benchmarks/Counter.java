package io.dataport.benchmarks;

import io.dataport.mapping.Id;
import io.dataport.mapping.Table;

/** The one row W4's transactions read and increment. */
@Table("bench_counter")
public record Counter(@Id Long id, int total) {
}
