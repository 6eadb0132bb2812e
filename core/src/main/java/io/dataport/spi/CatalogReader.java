package io.dataport.spi;

import java.util.List;

/**
 * Reads the database's catalog in the transaction of a {@link SchemaChange}, for a dialect that plans the change
 * from the table as it is (the backend's own catalog queries). Valid only during {@link Dialect#alter}.
 */
@FunctionalInterface
public interface CatalogReader {

    /**
     * Runs a query and gives every row, each column as text (SQL null as null).
     *
     * @param sql        the query, with {@code ?} parameters
     * @param parameters the parameters' values, bound as text
     * @return the rows, in the query's order
     */
    List<List<String>> query(String sql, String... parameters);
}
