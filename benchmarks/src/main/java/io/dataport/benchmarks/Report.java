package io.dataport.benchmarks;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Prints the results as a Markdown table and writes them as CSV, with Dataport's ratios to JDBC and Jdbi. */
final class Report {
    private final List<Result> results;

    Report(List<Result> results) {
        this.results = results;
    }

    void printTable(PrintStream out) {
        out.println("| workload | backend | variant | median | min | max | unit | vs limit | vs JDBC pool | vs Jdbi "
                + "| notes |");
        out.println("|---|---|---|---:|---:|---:|---|---:|---:|---:|---|");
        for (Result r : results) {
            out.printf(Locale.ROOT, "| %s %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |%n", r.workload(),
                    r.title(), r.backend(), r.variant(), num(r.median()), num(r.min()), num(r.max()), r.unit(),
                    limitRatio(r), ratio(r, Role.JDBC), ratio(r, Role.JDBI), notes(r));
        }
    }

    void writeCsv(Path file) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("workload,title,backend,variant,role,unit,median,min,max,vs_limit,vs_jdbc,vs_jdbi,errors,notes,"
                + "rounds");
        for (Result r : results) {
            StringBuilder rounds = new StringBuilder();
            for (double rate : r.rates()) {
                rounds.append(rounds.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.1f", rate));
            }
            lines.add(String.join(",", r.workload(), quote(r.title()), r.backend(), quote(r.variant()),
                    r.role().name(), r.unit(), fmt(r.median()), fmt(r.min()), fmt(r.max()), limitRatio(r),
                    ratio(r, Role.JDBC),
                    ratio(r, Role.JDBI), Long.toString(r.errors()), quote(notes(r)), quote(rounds.toString())));
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }

    /**
     * Dataport's ratio to the physical limit: the {@link Role#LIMIT} variant, or the JDBC one where that already
     * holds one connection for the round.
     */
    private String limitRatio(Result r) {
        String limit = ratio(r, Role.LIMIT);
        return limit.isEmpty() ? ratio(r, Role.JDBC) : limit;
    }

    /**
     * Dataport's ratio to the reference, shown on the Dataport row only: the median over the rounds of
     * Dataport's rate over the reference's rate in the same round. Both ran back to back within each round, so a
     * slow spell of the shared machine that spans a round cancels out, where a ratio of medians would not.
     */
    private String ratio(Result r, Role reference) {
        if (r.role() != Role.DATAPORT) {
            return "";
        }
        for (Result other : results) {
            if (other.role() == reference && other.workload().equals(r.workload())
                    && other.backend().equals(r.backend())) {
                double[] ratios = new double[r.rates().length];
                for (int i = 0; i < ratios.length; i++) {
                    ratios[i] = r.rates()[i] / other.rates()[i];
                }
                Arrays.sort(ratios);
                int n = ratios.length;
                double median = n % 2 == 1 ? ratios[n / 2] : (ratios[n / 2 - 1] + ratios[n / 2]) / 2;
                return String.format(Locale.ROOT, "%.2f", median);
            }
        }
        return "";
    }

    private static String notes(Result r) {
        String note = r.note();
        if (r.workload().equals("W4")) {
            // Every round's final value is the same when it is right; show the distinct ones.
            note = String.join(", ", new java.util.LinkedHashSet<>(List.of(note.split("; "))));
            return "errors " + r.errors() + ", " + note;
        }
        if (r.errors() > 0) {
            return "errors " + r.errors() + (note.isEmpty() ? "" : ", " + note);
        }
        return note;
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%,.0f", v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String quote(String s) {
        return '"' + s.replace("\"", "\"\"") + '"';
    }
}
