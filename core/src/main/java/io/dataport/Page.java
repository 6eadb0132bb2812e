package io.dataport;

import java.util.List;
import java.util.Objects;

/**
 * One page of a {@link CrudRepository#findAll(PageRequest)} result, with the totals a pager needs.
 *
 * @param content       the entities on this page
 * @param request       the request that produced it
 * @param totalElements how many entities there are in all
 * @param <T>           the entity type
 */
public record Page<T>(List<T> content, PageRequest request, long totalElements) {

    /**
     * Creates a page; it keeps an immutable copy of the content.
     *
     * @param content       the entities on this page
     * @param request       the request that produced it
     * @param totalElements how many entities there are in all
     */
    public Page {
        content = List.copyOf(content);
        Objects.requireNonNull(request, "request");
    }

    /** {@return how many pages of {@code request.size()} hold every element} */
    public int totalPages() {
        return (int) ((totalElements + request.size() - 1) / request.size());
    }

    /** {@return whether a page follows this one} */
    public boolean hasNext() {
        return request.page() + 1 < totalPages();
    }
}
