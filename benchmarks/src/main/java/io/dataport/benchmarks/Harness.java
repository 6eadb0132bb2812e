package io.dataport.benchmarks;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a workload's variants: warm-up rounds first, then measured rounds in which every variant runs once per
 * round, in an order that rotates from round to round. Interleaving makes a slow spell of the (shared) machine
 * hit every variant alike, so the ratios hold even when the absolute figures wander.
 */
final class Harness {
    private final int rounds;
    private final PrintStream log;

    Harness(int rounds, PrintStream log) {
        this.rounds = rounds;
        this.log = log;
    }

    List<Result> run(String backend, Workload w) throws Exception {
        List<Variant> variants = w.variants();
        int n = variants.size();
        log.printf("%s %s on %s: warm-up", w.id(), w.title(), backend);
        for (int i = 0; i < w.warmupRounds(); i++) {
            for (Variant v : variants) {
                once(v, w.warmupSize());
                log.print('.');
            }
        }
        log.print(" rounds");
        double[][] rates = new double[n][rounds];
        long[] errors = new long[n];
        String[] notes = new String[n];
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < n; k++) {
                int i = (k + r) % n;
                Variant v = variants.get(i);
                long[] timed = new long[1];
                Outcome o = once(v, w.size(), timed);
                rates[i][r] = o.ops() / (timed[0] / 1e9);
                errors[i] += o.errors();
                if (!o.note().isEmpty()) {
                    notes[i] = notes[i] == null ? o.note() : notes[i] + "; " + o.note();
                }
            }
            log.print(" " + (r + 1));
        }
        log.println();
        List<Result> results = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Variant v = variants.get(i);
            results.add(new Result(w.id(), w.title(), backend, v.name(), v.role(), w.unit(), rates[i], errors[i],
                    notes[i] == null ? "" : notes[i]));
        }
        return results;
    }

    private static Outcome once(Variant v, int size) throws Exception {
        return once(v, size, new long[1]);
    }

    private static Outcome once(Variant v, int size, long[] nanos) throws Exception {
        v.prepare().run();
        // Collect the previous variant's garbage now, not inside this variant's timed round.
        System.gc();
        long start = System.nanoTime();
        Outcome o = v.round().run(size);
        nanos[0] = System.nanoTime() - start;
        return o;
    }
}
