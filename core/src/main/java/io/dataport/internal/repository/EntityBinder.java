package io.dataport.internal.repository;

import io.dataport.internal.entity.PropertyInfo;
import io.dataport.internal.statement.BoundStatement;

import java.sql.SQLException;
import java.util.List;

/**
 * Binds an entity's properties to a statement, each in its column's portable form: the one place the
 * repository turns entities into parameters (single rows, batches and multi-row inserts alike).
 *
 * @param <T> the entity type
 */
final class EntityBinder<T> {

    /**
     * Binds {@code properties} of {@code entity} at the parameters after {@code offset} (0 for the first) and
     * returns the index of the last one bound.
     */
    int bind(BoundStatement statement, int offset, T entity, List<PropertyInfo> properties) throws SQLException {
        int index = offset;
        for (int i = 0, n = properties.size(); i < n; i++) {
            PropertyInfo p = properties.get(i);
            statement.bind(++index, p.type, p.toDatabase(p.get(entity)));
        }
        return index;
    }
}
