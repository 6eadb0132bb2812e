package io.dataport.internal.entity;

import io.dataport.MappingException;

import java.util.Locale;
import java.util.regex.Pattern;

/** Table and column names: snake_case defaults and the check that a name is a plain identifier. */
public final class Names {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Names() {
    }

    /** {@code joinedAt} → {@code joined_at}, {@code OrderLine} → {@code order_line}, {@code HTTPCode} → {@code http_code}. */
    public static String snakeCase(String name) {
        StringBuilder out = new StringBuilder(name.length() + 4);
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (Character.isUpperCase(c)) {
                boolean afterLower = i > 0 && (Character.isLowerCase(name.charAt(i - 1))
                        || Character.isDigit(name.charAt(i - 1)));
                boolean endOfAcronym = i > 0 && Character.isUpperCase(name.charAt(i - 1))
                        && i + 1 < name.length() && Character.isLowerCase(name.charAt(i + 1));
                if (afterLower || endOfAcronym) {
                    out.append('_');
                }
                out.append(Character.toLowerCase(c));
            } else {
                out.append(c);
            }
        }
        return out.toString().toLowerCase(Locale.ROOT);
    }

    /** Fails unless {@code name} is a plain identifier (letters, digits, underscores; at most 63 characters). */
    public static String checkIdentifier(String name, String what, Class<?> type) {
        if (!PLAIN.matcher(name).matches()) {
            throw new MappingException("Entity " + type.getName() + " has an invalid " + what + " name: '" + name
                    + "'. Use a plain identifier: a letter or underscore, then letters, digits or underscores, "
                    + "at most 63 characters.");
        }
        return name;
    }

    /** A table, column or index name given to a schema change, checked to be a plain identifier. */
    public static String checkName(String name, String what) {
        if (!PLAIN.matcher(name).matches()) {
            throw new MappingException("Schema change names an invalid " + what + ": '" + name + "'. Use a plain "
                    + "identifier: a letter or underscore, then letters, digits or underscores, at most 63 characters.");
        }
        return name;
    }
}
