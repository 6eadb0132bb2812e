package io.dataport;

import java.util.Objects;

/**
 * Which page to read: a zero-based page number, a page size and an order.
 *
 * <pre>{@code PageRequest.of(0, 20, Sort.by("name").descending())}</pre>
 *
 * @param page the zero-based page number
 * @param size how many entities a page holds, 1 to 10,000
 * @param sort the order; {@link Sort#unsorted()} orders by id
 */
public record PageRequest(int page, int size, Sort sort) {
    /** The largest page size accepted. */
    public static final int MAX_SIZE = 10_000;

    /**
     * Creates a request, checking its values.
     *
     * @param page the zero-based page number
     * @param size how many entities a page holds, 1 to 10,000
     * @param sort the order; {@link Sort#unsorted()} orders by id
     * @throws ConfigurationException when the page is negative or the size out of range
     */
    public PageRequest {
        if (page < 0) {
            throw new InvalidQueryException("Page number cannot be negative: " + page + ". Pages count from 0.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new InvalidQueryException("Page size must be 1 to " + MAX_SIZE + ": " + size
                    + ". Use stream() to read more rows than that.");
        }
        Objects.requireNonNull(sort, "sort");
    }

    /**
     * Requests a page ordered by id.
     *
     * @param page the zero-based page number
     * @param size how many entities a page holds, 1 to 10,000
     * @return the request
     */
    public static PageRequest of(int page, int size) {
        return new PageRequest(page, size, Sort.unsorted());
    }

    /**
     * Requests a page in the given order.
     *
     * @param page the zero-based page number
     * @param size how many entities a page holds, 1 to 10,000
     * @param sort the order; {@link Sort#unsorted()} orders by id
     * @return the request
     */
    public static PageRequest of(int page, int size, Sort sort) {
        return new PageRequest(page, size, sort);
    }

    /** {@return how many entities come before this page} */
    public long offset() {
        return (long) page * size;
    }
}
