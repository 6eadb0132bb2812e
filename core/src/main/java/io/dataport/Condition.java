package io.dataport;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A condition on an entity's properties, for the repository's queries: the rows whose properties match, the same
 * rows on every backend. Made with {@link #where(String)} and combined with {@link #and}, {@link #or} and
 * {@link #not}; immutable.
 *
 * <pre>{@code
 * import static io.dataport.Condition.where;
 *
 * Page<Post> page = posts.findAll(where("userId").eq(7L), PageRequest.of(0, 20, Sort.parse("-createdAt")));
 * List<User> active = users.findAll(where("active").eq(true).and(where("email").endsWithIgnoreCase("@example.com")));
 * }</pre>
 *
 * <p>Property names are the entity's (not the columns'), checked before any SQL runs: an unknown one fails with
 * {@link InvalidQueryException}, which lists the valid ones. Values are converted and bound as the property's
 * own values are stored (an {@code Instant} truncated to microseconds, an enum by its name); a number given for a
 * number property of another type is converted when it fits exactly ({@code 7} for a {@code Long}). As in SQL, a
 * null property matches only {@link Property#isNull()}: {@code ne}, comparisons and {@code not} leave it out.
 * Text matching ({@code startsWith}, {@code endsWith}, {@code contains}) takes the value literally ({@code %} and
 * {@code _} are no wildcards), compares by code point, and, in the {@code IgnoreCase} forms, folds case as
 * {@link String#toLowerCase(java.util.Locale) toLowerCase(Locale.ROOT)} does, non-ASCII letters included.
 */
public sealed interface Condition {

    /**
     * The start of a condition on one property.
     *
     * @param property the entity's property, e.g. {@code "userId"}
     * @return the property, to compare
     */
    static Property where(String property) {
        return new Property(property);
    }

    /**
     * Rows that match every condition; with none, every row.
     *
     * @param conditions the conditions
     * @return their conjunction
     */
    static Condition and(Condition... conditions) {
        return new All(List.of(conditions));
    }

    /**
     * Rows that match at least one condition; with none, no row.
     *
     * @param conditions the conditions
     * @return their disjunction
     */
    static Condition or(Condition... conditions) {
        return new Any(List.of(conditions));
    }

    /**
     * Rows that do not match a condition (a row whose property is null matches neither it nor its negation,
     * as in SQL).
     *
     * @param condition the condition
     * @return its negation
     */
    static Condition not(Condition condition) {
        return new Not(Objects.requireNonNull(condition, "condition"));
    }

    /**
     * This condition and another.
     *
     * @param other the other condition
     * @return both
     */
    default Condition and(Condition other) {
        return and(this, other);
    }

    /**
     * This condition or another.
     *
     * @param other the other condition
     * @return either
     */
    default Condition or(Condition other) {
        return or(this, other);
    }

    /** Comparison operators. */
    enum Operator {
        /** Equal. */
        EQ,
        /** Not equal. */
        NE,
        /** Less than. */
        LT,
        /** Less than or equal. */
        LE,
        /** Greater than. */
        GT,
        /** Greater than or equal. */
        GE
    }

    /** Where a text is looked for. */
    enum Match {
        /** At the start. */
        STARTS_WITH,
        /** At the end. */
        ENDS_WITH,
        /** Anywhere. */
        CONTAINS
    }

    /**
     * A property compared with a value.
     *
     * @param property the property
     * @param operator the operator
     * @param value    the value, not null
     */
    record Comparison(String property, Operator operator, Object value) implements Condition {
    }

    /**
     * A property between two values, both included.
     *
     * @param property the property
     * @param low      the lowest value matched, not null
     * @param high     the highest value matched, not null
     */
    record Between(String property, Object low, Object high) implements Condition {
    }

    /**
     * A property equal to one of some values; with none, no row.
     *
     * @param property the property
     * @param values   the values, none null
     */
    record In(String property, List<Object> values) implements Condition {
        /**
         * Copies the values.
         *
         * @param property the property
         * @param values   the values
         */
        public In {
            values = List.copyOf(values);
        }
    }

    /**
     * A property that is null, or that is not.
     *
     * @param property the property
     * @param isNull   true for null, false for not null
     */
    record Null(String property, boolean isNull) implements Condition {
    }

    /**
     * A text property holding a text at its start, at its end or anywhere.
     *
     * @param property   the property, a {@code String}
     * @param match      where
     * @param value      the text, taken literally, not null
     * @param ignoreCase whether case is folded on both sides
     */
    record Text(String property, Match match, String value, boolean ignoreCase) implements Condition {
    }

    /**
     * Every condition.
     *
     * @param conditions the conditions
     */
    record All(List<Condition> conditions) implements Condition {
        /**
         * Copies the conditions.
         *
         * @param conditions the conditions
         */
        public All {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * At least one condition.
     *
     * @param conditions the conditions
     */
    record Any(List<Condition> conditions) implements Condition {
        /**
         * Copies the conditions.
         *
         * @param conditions the conditions
         */
        public Any {
            conditions = List.copyOf(conditions);
        }
    }

    /**
     * Not a condition.
     *
     * @param condition the condition
     */
    record Not(Condition condition) implements Condition {
    }

    /** One property, to be compared: {@code where("email").endsWith("@example.com")}. */
    final class Property {
        private final String name;

        private Property(String name) {
            if (name == null || name.isBlank()) {
                throw new InvalidQueryException("where(" + (name == null ? "null" : "\"" + name + "\"")
                        + "): name a property of the entity, such as where(\"id\").");
            }
            this.name = name;
        }

        private Object checked(String operation, Object value) {
            if (value == null) {
                throw new InvalidQueryException("where(\"" + name + "\")." + operation + "(null): in SQL a "
                        + "comparison with null matches no row. Use where(\"" + name + "\").isNull() or isNotNull().");
            }
            return value;
        }

        private Condition compare(String operation, Operator operator, Object value) {
            return new Comparison(name, operator, checked(operation, value));
        }

        /**
         * Equal to a value.
         *
         * @param value the value, not null (use {@link #isNull()})
         * @return the condition
         */
        public Condition eq(Object value) {
            return compare("eq", Operator.EQ, value);
        }

        /**
         * Not equal to a value (and not null).
         *
         * @param value the value, not null (use {@link #isNotNull()})
         * @return the condition
         */
        public Condition ne(Object value) {
            return compare("ne", Operator.NE, value);
        }

        /**
         * Less than a value.
         *
         * @param value the value, not null
         * @return the condition
         */
        public Condition lt(Object value) {
            return compare("lt", Operator.LT, value);
        }

        /**
         * Less than or equal to a value.
         *
         * @param value the value, not null
         * @return the condition
         */
        public Condition le(Object value) {
            return compare("le", Operator.LE, value);
        }

        /**
         * Greater than a value.
         *
         * @param value the value, not null
         * @return the condition
         */
        public Condition gt(Object value) {
            return compare("gt", Operator.GT, value);
        }

        /**
         * Greater than or equal to a value.
         *
         * @param value the value, not null
         * @return the condition
         */
        public Condition ge(Object value) {
            return compare("ge", Operator.GE, value);
        }

        /**
         * Between two values, both included.
         *
         * @param low  the lowest value, not null
         * @param high the highest value, not null
         * @return the condition
         */
        public Condition between(Object low, Object high) {
            return new Between(name, checked("between", low), checked("between", high));
        }

        /**
         * Equal to one of some values; with none, no row matches.
         *
         * @param values the values, none null
         * @return the condition
         */
        public Condition in(Object... values) {
            return in(Arrays.asList(Objects.requireNonNull(values, "values")));
        }

        /**
         * Equal to one of some values; with none, no row matches.
         *
         * @param values the values, none null
         * @return the condition
         */
        public Condition in(Collection<?> values) {
            List<Object> list = new ArrayList<>();
            for (Object v : Objects.requireNonNull(values, "values")) {
                list.add(checked("in", v));
            }
            return new In(name, list);
        }

        /**
         * Null.
         *
         * @return the condition
         */
        public Condition isNull() {
            return new Null(name, true);
        }

        /**
         * Not null.
         *
         * @return the condition
         */
        public Condition isNotNull() {
            return new Null(name, false);
        }

        private Condition text(String operation, Match match, String value, boolean ignoreCase) {
            return new Text(name, match, (String) checked(operation, value), ignoreCase);
        }

        /**
         * Starts with a text, case-sensitively.
         *
         * @param prefix the text, literally
         * @return the condition
         */
        public Condition startsWith(String prefix) {
            return text("startsWith", Match.STARTS_WITH, prefix, false);
        }

        /**
         * Ends with a text, case-sensitively.
         *
         * @param suffix the text, literally
         * @return the condition
         */
        public Condition endsWith(String suffix) {
            return text("endsWith", Match.ENDS_WITH, suffix, false);
        }

        /**
         * Contains a text, case-sensitively.
         *
         * @param text the text, literally
         * @return the condition
         */
        public Condition contains(String text) {
            return text("contains", Match.CONTAINS, text, false);
        }

        /**
         * Starts with a text, ignoring case.
         *
         * @param prefix the text, literally
         * @return the condition
         */
        public Condition startsWithIgnoreCase(String prefix) {
            return text("startsWithIgnoreCase", Match.STARTS_WITH, prefix, true);
        }

        /**
         * Ends with a text, ignoring case.
         *
         * @param suffix the text, literally
         * @return the condition
         */
        public Condition endsWithIgnoreCase(String suffix) {
            return text("endsWithIgnoreCase", Match.ENDS_WITH, suffix, true);
        }

        /**
         * Contains a text, ignoring case.
         *
         * @param text the text, literally
         * @return the condition
         */
        public Condition containsIgnoreCase(String text) {
            return text("containsIgnoreCase", Match.CONTAINS, text, true);
        }

        @Override
        public String toString() {
            return "where(\"" + name + "\")";
        }
    }
}
