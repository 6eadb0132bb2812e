package io.dataport.internal.session;

import io.dataport.ConfigurationException;
import io.dataport.Database;
import io.dataport.TransactionIsolation;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dataport's own settings as they come in a URL query or {@code Builder.property}: their names, found
 * without regard to case, their values read from text, and the Builder setter each goes through, so that
 * each keeps one validation. The one list of them.
 *
 * <pre>{@code postgresql://db/app?maxPoolSize=20&connectionTimeout=5s&maxAttempts=5}</pre>
 */
public final class SettingValues {
    /** Every setting a URL may carry, in its own spelling, and how its text reaches the Builder's setter. */
    private static final Map<String, BiConsumer<Database.Builder, String>> SETTERS = setters();
    /** The settings' own spellings, by their lower-case names. */
    public static final Map<String, String> NAMES = names(SETTERS.keySet());
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private SettingValues() {
    }

    private static Map<String, BiConsumer<Database.Builder, String>> setters() {
        Map<String, BiConsumer<Database.Builder, String>> s = new LinkedHashMap<>();
        s.put("maxPoolSize", (b, v) -> b.maxPoolSize(integer("maxPoolSize", v)));
        s.put("connectionTimeout", (b, v) -> b.connectionTimeout(duration("connectionTimeout", v)));
        s.put("queryTimeout", (b, v) -> b.queryTimeout(duration("queryTimeout", v)));
        s.put("maxAttempts", (b, v) -> b.maxAttempts(integer("maxAttempts", v)));
        s.put("retryBackoff", (b, v) -> b.retryBackoff(duration("retryBackoff", v)));
        s.put("isolation", (b, v) -> b.isolation(constant("isolation", v, TransactionIsolation.class)));
        s.put("leakDetection", (b, v) -> b.leakDetection(bool("leakDetection", v)));
        s.put("logStatements", (b, v) -> b.logStatements(bool("logStatements", v)));
        s.put("slowStatementThreshold", (b, v) -> b.slowStatementThreshold(duration("slowStatementThreshold", v)));
        s.put("migrateOnOpen", (b, v) -> b.migrateOnOpen(bool("migrateOnOpen", v)));
        s.put("migrations", Database.Builder::migrations);
        s.put("createDatabase", (b, v) -> b.createDatabase(bool("createDatabase", v)));
        s.put("asyncQueueCapacity", (b, v) -> b.asyncQueueCapacity(integer("asyncQueueCapacity", v)));
        s.put("replicas", SettingValues::replicas);
        s.put("maxReplicaLag", (b, v) -> b.maxReplicaLag(duration("maxReplicaLag", v)));
        s.put("readYourWrites", (b, v) -> b.readYourWrites(bool("readYourWrites", v)));
        return Collections.unmodifiableMap(s);
    }

    private static Map<String, String> names(Iterable<String> names) {
        Map<String, String> byLowerCase = new TreeMap<>();
        for (String n : names) {
            byLowerCase.put(n.toLowerCase(Locale.ROOT), n);
        }
        return Collections.unmodifiableMap(byLowerCase);
    }

    /**
     * Applies a setting through its Builder setter (its checks, its messages).
     *
     * @param setting the setting's own spelling, as {@link #canonical} gives it
     */
    public static void apply(Database.Builder builder, String setting, String value) {
        SETTERS.get(setting).accept(builder, value);
    }

    /** The setting's own spelling, or null when {@code name} is not a Dataport setting. */
    public static String canonical(String name) {
        return NAMES.get(name.toLowerCase(Locale.ROOT));
    }

    /** {@code host:port,host:port}: one replica each. */
    private static void replicas(Database.Builder builder, String value) {
        for (String replica : value.split(",")) {
            if (replica.isBlank()) {
                throw new ConfigurationException("replicas has an empty entry: '" + value + "'. Give host:port of each "
                        + "standby, separated by commas.");
            }
            builder.replica(replica);
        }
    }

    /** A whole number. */
    public static int integer(String name, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new ConfigurationException(name + " must be a whole number, not '" + value + "'.");
        }
    }

    /** A duration with its unit, {@code 500ms}, {@code 30s}, {@code 2m}, {@code 1h}, or ISO-8601 ({@code PT30S}). */
    public static Duration duration(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            switch (m.group(2)) {
                case "ms":
                    return Duration.ofMillis(n);
                case "s":
                    return Duration.ofSeconds(n);
                case "m":
                    return Duration.ofMinutes(n);
                default:
                    return Duration.ofHours(n);
            }
        }
        try {
            return Duration.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new ConfigurationException(name + " must be a duration with its unit, such as 500ms, 30s, 2m or "
                    + "PT30S, not '" + value + "'.");
        }
    }

    /** {@code true} or {@code false}. */
    public static boolean bool(String name, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw new ConfigurationException(name + " must be true or false, not '" + value + "'.");
        }
        return v.equals("true");
    }

    /** A constant of {@code type}, by its name in any case. */
    public static <E extends Enum<E>> E constant(String name, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            StringBuilder known = new StringBuilder();
            for (E c : type.getEnumConstants()) {
                known.append(known.length() == 0 ? "" : ", ").append(c.name());
            }
            throw new ConfigurationException(name + " must be one of " + known + ", not '" + value + "'.");
        }
    }
}
