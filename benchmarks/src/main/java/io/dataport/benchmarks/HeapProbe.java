package io.dataport.benchmarks;

import io.dataport.Database;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * W6's heap measure: streams the whole item table with Dataport in a separate JVM capped at {@code -Xmx64m}, and
 * reports the peak heap used (the sum of the heap pools' peaks, an upper bound). Finishing at all proves the
 * stream never held the table in memory.
 */
final class HeapProbe {
    static final String MAX_HEAP = "-Xmx64m";

    private HeapProbe() {
    }

    /** Runs the probe in a child JVM; returns its one-line answer (or what went wrong). */
    static String measure(String url, long rows) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process p = new ProcessBuilder(java, MAX_HEAP, "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                HeapProbe.class.getName(), url, Long.toString(rows)).redirectErrorStream(true).start();
        String last = "";
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                last = line.isBlank() ? last : line;
            }
        }
        int exit = p.waitFor();
        return exit == 0 ? last : "heap probe failed (exit " + exit + "): " + last;
    }

    public static void main(String[] args) {
        String url = args[0];
        long rows = Long.parseLong(args[1]);
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP).toList();
        try (Database db = Database.open(url)) {
            DataportItems items = new DataportItems(db);
            items.stream(10_000);                  // load classes and open connections before measuring
            System.gc();
            heap.forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            long sum = items.stream(rows);
            long nanos = System.nanoTime() - start;
            long peak = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
            System.out.printf("peak heap %.1f MiB under %s (%,d rows at %,.0f rows/s, checksum %d)%n",
                    peak / 1048576.0, MAX_HEAP, rows, rows / (nanos / 1e9), sum);
        }
    }
}
