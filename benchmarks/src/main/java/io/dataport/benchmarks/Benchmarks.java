package io.dataport.benchmarks;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark command: runs W1 to W9 on SQLite, PostgreSQL and MySQL/MariaDB with JDBC, plain Jdbi and
 * Dataport, and prints one table (and optionally a CSV file).
 *
 * <pre>{@code java -jar benchmarks/target/benchmarks.jar [--csv results.csv] [--backend sqlite,postgres,mysql] [--quick]}</pre>
 */
public final class Benchmarks {
    static final int ROUNDS = 5;
    private static final String FORKED = "dataport.bench.forked";
    /** A fixed heap: a heap that shrinks after each round's System.gc() makes the next round pay to regrow it. */
    private static final List<String> JVM_OPTIONS = List.of("-Xms1g", "-Xmx1g", "-XX:+UseParallelGC");

    private Benchmarks() {
    }

    public static void main(String[] args) throws Exception {
        if (System.getProperty(FORKED) == null) {
            System.exit(fork(args));
        }
        Path csv = null;
        Set<String> backends = new LinkedHashSet<>(List.of("sqlite", "postgres", "mysql"));
        Set<String> only = new LinkedHashSet<>();
        boolean quick = false;
        String postgresUrl = firstNonBlank(System.getenv("DATAPORT_BENCH_POSTGRES_URL"),
                System.getenv("DATAPORT_TEST_POSTGRES_URL"), "postgresql://postgres@127.0.0.1:5432/postgres");
        String mysqlUrl = firstNonBlank(System.getenv("DATAPORT_BENCH_MYSQL_URL"),
                System.getenv("DATAPORT_TEST_MYSQL_URL"), "mysql://root@127.0.0.1:3306/test");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--csv" -> csv = Path.of(value(args, ++i, "--csv"));
                case "--backend" -> backends = new LinkedHashSet<>(List.of(value(args, ++i, "--backend")
                        .toLowerCase(Locale.ROOT).split(",")));
                case "--quick" -> quick = true;
                case "--postgres-url" -> postgresUrl = value(args, ++i, "--postgres-url");
                case "--mysql-url" -> mysqlUrl = value(args, ++i, "--mysql-url");
                case "--only" -> only.addAll(List.of(value(args, ++i, "--only").toUpperCase(Locale.ROOT).split(",")));
                case "-h", "--help" -> {
                    usage();
                    return;
                }
                default -> {
                    System.err.println("Unknown option: " + args[i]);
                    usage();
                    System.exit(2);
                }
            }
        }
        Workloads.Sizes sizes = quick ? Workloads.Sizes.quick() : Workloads.Sizes.full();
        Harness harness = new Harness(ROUNDS, System.err);
        List<Result> results = new ArrayList<>();
        long start = System.nanoTime();
        for (String backend : backends) {
            BenchTarget target;
            if (backend.equals("sqlite")) {
                target = new SqliteBench();
            } else if (backend.equals("postgres") || backend.equals("mysql")) {
                boolean postgres = backend.equals("postgres");
                String url = postgres ? postgresUrl : mysqlUrl;
                String problem = ServerBench.unreachable(url);
                if (problem != null) {
                    System.err.println("Skipping " + (postgres ? "PostgreSQL" : "MySQL/MariaDB") + ": " + problem);
                    continue;
                }
                target = postgres ? new PostgresBench(url) : new MysqlBench(url);
            } else {
                System.err.println("Unknown backend: " + backend + ". Use sqlite, postgres or mysql.");
                System.exit(2);
                return;
            }
            try (target) {
                results.addAll(runAll(target, sizes, harness, only));
            }
        }
        System.err.printf("Done in %.0f s.%n", (System.nanoTime() - start) / 1e9);
        Report report = new Report(results);
        System.out.println();
        System.out.printf("Median of %d measured rounds after warm-up (min and max beside it). Variants run "
                + "interleaved in each round; a ratio is the median over the rounds of Dataport's rate over the "
                + "reference's in the same round.%n%n", ROUNDS);
        report.printTable(System.out);
        if (csv != null) {
            report.writeCsv(csv);
            System.err.println("Wrote " + csv);
        }
    }

    private static List<Result> runAll(BenchTarget target, Workloads.Sizes sizes, Harness harness, Set<String> only)
            throws Exception {
        List<Result> results = new ArrayList<>();
        Workloads w = new Workloads(target, sizes);
        w.createTables();
        String b = target.name();
        if (wanted(only, "W1")) {
            results.addAll(harness.run(b, w.w1()));
        }
        if (wanted(only, "W2")) {
            results.addAll(harness.run(b, w.w2()));
        }
        int rows = sizes.w2();
        if (wanted(only, "W3") || wanted(only, "W5") || wanted(only, "W7")) {
            w.populate(rows);
        }
        if (wanted(only, "W3")) {
            results.addAll(harness.run(b, w.w3(rows)));
        }
        if (wanted(only, "W7")) {
            results.addAll(harness.run(b, w.w7(rows)));
        }
        if (wanted(only, "W5")) {
            results.addAll(harness.run(b, w.w5(rows)));
        }
        if (wanted(only, "W4")) {
            results.addAll(harness.run(b, w.w4()));
        }
        if (wanted(only, "W9")) {
            results.addAll(harness.run(b, w.w9()));
        }
        if (wanted(only, "W6")) {
            w.populate(sizes.w6());
            List<Result> w6 = harness.run(b, w.w6());
            System.err.println("W6 heap: streaming " + Workloads.n(sizes.w6()) + " rows with Dataport in a separate JVM");
            String heap = HeapProbe.measure(target.url(), sizes.w6());
            for (Result r : w6) {
                results.add(r.role() == Role.DATAPORT ? new Result(r.workload(), r.title(), r.backend(), r.variant(),
                        r.role(), r.unit(), r.rates(), r.errors(), heap) : r);
            }
        }
        return results;
    }

    /**
     * Runs the benchmark in a JVM of its own with {@link #JVM_OPTIONS}, so that {@code java -jar benchmarks.jar}
     * measures the same way whatever flags it was started with.
     */
    private static int fork(String[] args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(JVM_OPTIONS);
        command.add("-D" + FORKED + "=true");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(Benchmarks.class.getName());
        command.addAll(List.of(args));
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    private static boolean wanted(Set<String> only, String workload) {
        return only.isEmpty() || only.contains(workload);
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            System.err.println(option + " needs a value.");
            System.exit(2);
        }
        return args[i];
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static void usage() {
        System.err.println("Usage: java -jar benchmarks/target/benchmarks.jar [--csv FILE]"
                + " [--backend sqlite,postgres,mysql] [--quick] [--only W1,W3]"
                + " [--postgres-url postgresql://user@host:5432/db] [--mysql-url mysql://user@host:3306/db]");
    }
}
