package io.dataport.transfer.internal;

import io.dataport.transfer.internal.LogicalType.Kind;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A column default that means the same on both databases: a number, a string literal, a boolean, or the current
 * date or time. Other defaults (function calls, sequences) are not carried over.
 */
record DefaultValue(String literal) {
    private static final Pattern NUMBER = Pattern.compile("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");

    /** The portable default a source default expression stands for, or null when there is none. */
    static DefaultValue parse(String expression) {
        if (expression == null) {
            return null;
        }
        String e = expression.trim();
        while (e.startsWith("(") && e.endsWith(")")) {
            e = e.substring(1, e.length() - 1).trim();
        }
        int cast = e.lastIndexOf("::");
        if (cast > 0 && (e.startsWith("'") || NUMBER.matcher(e.substring(0, cast)).matches())) {
            e = e.substring(0, cast).trim();
            while (e.startsWith("(") && e.endsWith(")")) {
                e = e.substring(1, e.length() - 1).trim();
            }
        }
        String upper = e.toUpperCase(Locale.ROOT);
        if (NUMBER.matcher(e).matches() || STRING.matcher(e).matches()) {
            return new DefaultValue(e);
        }
        switch (upper) {
            case "TRUE":
            case "FALSE":
            case "CURRENT_TIMESTAMP":
            case "CURRENT_DATE":
            case "CURRENT_TIME":
                return new DefaultValue(upper);
            case "NOW()":
                return new DefaultValue("CURRENT_TIMESTAMP");
            default:
                return null;
        }
    }

    /** The default as the target writes it for a column of the given kind, or null when it has no such default. */
    String render(Kind kind, TransferDialect target) {
        if (kind == Kind.BOOLEAN) {
            boolean on = literal.equals("TRUE") || literal.equals("1") || literal.equalsIgnoreCase("'t'")
                    || literal.equalsIgnoreCase("'true'") || literal.equals("'1'");
            boolean off = literal.equals("FALSE") || literal.equals("0") || literal.equalsIgnoreCase("'f'")
                    || literal.equalsIgnoreCase("'false'") || literal.equals("'0'");
            if (on || off) {
                return target.booleanLiteral(on);
            }
            return null;
        }
        if (literal.equals("TRUE") || literal.equals("FALSE")) {
            return null;
        }
        if (literal.startsWith("CURRENT_")) {
            boolean temporal = kind == Kind.TIMESTAMP || kind == Kind.TIMESTAMPTZ || kind == Kind.DATE
                    || kind == Kind.TIME || kind == Kind.TEXT || kind == Kind.VARCHAR;
            return temporal ? literal : null;
        }
        if (!literal.startsWith("'") && (kind == Kind.TEXT || kind == Kind.VARCHAR || kind == Kind.CHAR)) {
            return "'" + literal + "'";
        }
        if (literal.startsWith("'") && (kind.isInteger() || kind == Kind.DECIMAL || kind == Kind.DOUBLE)) {
            String inner = literal.substring(1, literal.length() - 1);
            return NUMBER.matcher(inner).matches() ? inner : null;
        }
        return literal;
    }
}
