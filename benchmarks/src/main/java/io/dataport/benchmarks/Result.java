package io.dataport.benchmarks;

import java.util.Arrays;

/** The measured rounds of one variant of one workload on one backend. */
record Result(String workload, String title, String backend, String variant, Role role, String unit,
              double[] rates, long errors, String note) {

    double median() {
        double[] sorted = rates.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    double min() {
        return Arrays.stream(rates).min().orElse(Double.NaN);
    }

    double max() {
        return Arrays.stream(rates).max().orElse(Double.NaN);
    }
}
