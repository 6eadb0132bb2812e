package io.dataport;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An order by entity properties — never raw SQL. The repository rejects a property the entity does not have,
 * so sort keys from a request cannot inject SQL.
 *
 * <pre>{@code Sort.by("lastName", "firstName")   Sort.by("joined").descending()   Sort.parse("name,-joined")}</pre>
 *
 * @param orders the properties in order of precedence
 */
public record Sort(List<Order> orders) {

    /**
     * Creates an order; it keeps an immutable copy of the list.
     *
     * @param orders the properties in order of precedence
     */
    public Sort {
        orders = List.copyOf(orders);
    }

    /**
     * One property and its direction.
     *
     * @param property  the entity property (not a column name)
     * @param ascending whether smaller values come first
     */
    public record Order(String property, boolean ascending) {
        /**
         * Creates an order by one property.
         *
         * @param property  the entity property (not a column name)
         * @param ascending whether smaller values come first
         */
        public Order {
            Objects.requireNonNull(property, "property");
        }
    }

    /** {@return no order: repositories order by id} */
    public static Sort unsorted() {
        return new Sort(List.of());
    }

    /**
     * Orders ascending by these properties.
     *
     * @param properties the entity properties, in order of precedence
     * @return the order
     */
    public static Sort by(String... properties) {
        List<Order> orders = new ArrayList<>();
        for (String property : properties) {
            orders.add(new Order(property, true));
        }
        return new Sort(orders);
    }

    /**
     * Parses a comma-separated list of properties, each descending when prefixed with {@code -}:
     * {@code "name,-joined"}. Meant for sort keys from a query string; the repository still checks each name.
     *
     * @param spec the list, e.g. {@code "name,-joined"}; null or blank means {@link #unsorted()}
     * @return the order
     * @throws ConfigurationException when the list has an empty property
     */
    public static Sort parse(String spec) {
        if (spec == null || spec.isBlank()) {
            return unsorted();
        }
        List<Order> orders = new ArrayList<>();
        for (String part : spec.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                throw new InvalidQueryException("Sort has an empty property in '" + spec
                        + "'. Write properties separated by commas, e.g. name,-joined.");
            }
            boolean descending = p.startsWith("-");
            orders.add(new Order(descending ? p.substring(1) : p, !descending));
        }
        return new Sort(orders);
    }

    /** {@return the same properties, all descending} */
    public Sort descending() {
        List<Order> flipped = new ArrayList<>();
        for (Order o : orders) {
            flipped.add(new Order(o.property(), false));
        }
        return new Sort(flipped);
    }

    /** {@return whether no property is given} */
    public boolean isUnsorted() {
        return orders.isEmpty();
    }
}
