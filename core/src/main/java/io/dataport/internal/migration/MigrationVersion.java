package io.dataport.internal.migration;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A migration version: digits, optionally dotted ({@code 1}, {@code 1.2}, {@code 2024.01.15}), compared part
 * by part as numbers, so that {@code 1.10} comes after {@code 1.9} and {@code 1.0} equals {@code 1}.
 */
public final class MigrationVersion implements Comparable<MigrationVersion> {
    private static final Pattern FORM = Pattern.compile("\\d+(\\.\\d+)*");
    private final String text;
    /** The parts, without trailing zeros. */
    private final List<BigInteger> parts;

    private MigrationVersion(String text, List<BigInteger> parts) {
        this.text = text;
        this.parts = parts;
    }

    /** The version {@code text} names, or null when it is not digits and dots. */
    public static MigrationVersion parse(String text) {
        if (text == null || !FORM.matcher(text).matches()) {
            return null;
        }
        List<BigInteger> parts = new ArrayList<>();
        for (String p : text.split("\\.")) {
            parts.add(new BigInteger(p));
        }
        while (parts.size() > 1 && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return new MigrationVersion(text, List.copyOf(parts));
    }

    /** The version as written. */
    public String text() {
        return text;
    }

    @Override
    public int compareTo(MigrationVersion o) {
        for (int i = 0; i < Math.max(parts.size(), o.parts.size()); i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MigrationVersion && parts.equals(((MigrationVersion) o).parts);
    }

    @Override
    public int hashCode() {
        return parts.hashCode();
    }

    @Override
    public String toString() {
        return "V" + text;
    }
}
