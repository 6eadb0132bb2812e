package io.dataport.contract;

import java.time.Duration;
import java.util.Locale;

/**
 * Sizes and figures of the reliability suite (tests tagged {@code reliability}, run by {@code mvn verify
 * -Preliability}). Defaults keep the whole suite to a few minutes on a small CI machine; the full
 * numbers run with {@code -Ddataport.reliability.full=true}, and any one size with
 * {@code -Ddataport.reliability.<name>=<value>}.
 */
public final class Reliability {
    /** The JUnit tag of every reliability test. */
    public static final String TAG = "reliability";

    private Reliability() {
    }

    /** Whether the full sizes were asked for. */
    public static boolean full() {
        return Boolean.getBoolean("dataport.reliability.full");
    }

    /** A size: the override {@code dataport.reliability.<name>}, else {@code full} or {@code quick}. */
    public static int size(String name, int quick, int full) {
        String override = System.getProperty("dataport.reliability." + name);
        if (override != null && !override.isBlank()) {
            return Integer.parseInt(override.strip());
        }
        return full() ? full : quick;
    }

    /** A duration in seconds, overridable like {@link #size}. */
    public static Duration seconds(String name, int quick, int full) {
        return Duration.ofSeconds(size(name, quick, full));
    }

    /** Prints one line of figures, collected from the surefire output for the closing note. */
    public static void figures(String scenario, String format, Object... args) {
        String line = "FIGURES " + scenario + ": " + String.format(Locale.ROOT, format, args);
        System.out.println(line);
    }
}
