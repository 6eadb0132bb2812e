package io.dataport.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Method;

/**
 * What the SQL log adds to each statement when it is off (the default: DEBUG off, no slow threshold), and what
 * two clock readings would cost on this machine, measured in a loop over Dataport's internal statement log:
 * {@code java -cp benchmarks/target/benchmarks.jar io.dataport.benchmarks.LoggingOverhead}. Compare with a
 * workload's time per operation (W3 on SQLite: about 5 to 6 µs).
 */
public final class LoggingOverhead {
    private static long sink;

    private LoggingOverhead() {
    }

    public static void main(String[] args) throws Throwable {
        Class<?> type = Class.forName("io.dataport.internal.statement.StatementLog");
        Object log = type.getConstructor(String.class, boolean.class, long.class).newInstance("sqlite", false, 0L);
        MethodHandle timed = handle(type, "timed").bindTo(log);
        MethodHandle executed = handle(type, "executed", String.class, long.class, long.class, int.class, String.class)
                .bindTo(log);
        String sql = "SELECT \"item\".\"id\", \"item\".\"name\" FROM \"item\" WHERE \"item\".\"id\" = ?";
        int n = 20_000_000;
        for (int round = 1; round <= 5; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                boolean clocked = (boolean) timed.invokeExact();
                long t0 = clocked ? System.nanoTime() : 0;
                executed.invokeExact(sql, clocked ? System.nanoTime() - t0 : 0L, 1L, 0, (String) null);
            }
            long clocks = System.nanoTime();
            for (int i = 0; i < n; i++) {
                long t0 = System.nanoTime();
                sink += System.nanoTime() - t0;
            }
            long end = System.nanoTime();
            System.out.printf("round %d: %.1f ns per statement with the log off; two clock readings %.1f ns%n",
                    round, (clocks - start) / (double) n, (end - clocks) / (double) n);
        }
    }

    private static MethodHandle handle(Class<?> type, String name, Class<?>... parameters) throws Exception {
        Method m = type.getDeclaredMethod(name, parameters);
        m.setAccessible(true);
        return MethodHandles.lookup().unreflect(m);
    }
}
