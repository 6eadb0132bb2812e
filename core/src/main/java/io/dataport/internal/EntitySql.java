package io.dataport.internal;

import io.dataport.ConfigurationException;
import io.dataport.Sort;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SQL of one entity in one dialect, every statement built once. Identifiers come from the checked mapping
 * and are quoted by the dialect; values are always parameters.
 */
public final class EntitySql {
    final Dialect dialect;
    final EntityInfo<?> info;
    final String table;
    final String id;
    /** Properties bound by an insert that lets the database generate the id: all but the id. */
    final List<PropertyInfo> insertGeneratedProperties;
    /** Properties set by an update, then the id (then the version). */
    final List<PropertyInfo> updateProperties;
    final String selectAll;
    final String findById;
    final String findAllOrdered;
    final String insertGenerated;
    /** The generated-id insert without RETURNING, for a JDBC batch that asks the driver for generated keys. */
    final String insertGeneratedBatch;
    final String insertAssigned;
    final String update;
    final String upsert;
    final String deleteById;
    final String deleteVersioned;
    final String existsById;
    final String count;
    /** Counts the rows with ids between two parameters. */
    final String countIdRange;
    final String deleteAll;
    final String createTable;
    final String dropTable;
    /** Page queries by sort: a handful per entity in practice, capped since sorts may come from requests. */
    private final Map<Sort, String> pages = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_PAGES = 256;

    EntitySql(EntityInfo<?> info, Dialect dialect) {
        this.dialect = dialect;
        this.info = info;
        this.table = dialect.quote(info.table);
        this.id = dialect.quote(info.id.column);
        List<PropertyInfo> all = info.properties;
        StringJoiner columns = new StringJoiner(", ");
        for (PropertyInfo p : all) {
            columns.add(dialect.quote(p.column));
        }
        selectAll = "SELECT " + columns + " FROM " + table;
        findById = selectAll + " WHERE " + id + " = ?";
        findAllOrdered = selectAll + " ORDER BY " + id;
        existsById = "SELECT 1 FROM " + table + " WHERE " + id + " = ?";
        count = "SELECT COUNT(*) FROM " + table;
        countIdRange = count + " WHERE " + id + " BETWEEN ? AND ?";
        deleteAll = "DELETE FROM " + table;
        deleteById = "DELETE FROM " + table + " WHERE " + id + " = ?";
        deleteVersioned = info.version == null ? deleteById
                : deleteById + " AND " + dialect.quote(info.version.column) + " = ?";

        List<PropertyInfo> withoutId = new ArrayList<>();
        for (PropertyInfo p : all) {
            if (!p.id) {
                withoutId.add(p);
            }
        }
        insertGeneratedProperties = Collections.unmodifiableList(withoutId);
        insertGeneratedBatch = withoutId.isEmpty() ? "INSERT INTO " + table + " DEFAULT VALUES" : insert(withoutId);
        insertGenerated = insertGeneratedBatch + dialect.returning(id);
        insertAssigned = insert(all);

        List<PropertyInfo> set = new ArrayList<>();
        StringJoiner assignments = new StringJoiner(", ");
        StringJoiner upsertAssignments = new StringJoiner(", ");
        for (PropertyInfo p : withoutId) {
            String c = dialect.quote(p.column);
            if (p.version) {
                assignments.add(c + " = " + c + " + 1");
                upsertAssignments.add(c + " = " + table + "." + c + " + 1");
            } else {
                set.add(p);
                assignments.add(c + " = ?");
                upsertAssignments.add(c + " = excluded." + c);
            }
        }
        set.add(info.id);
        if (info.version != null) {
            set.add(info.version);
        }
        updateProperties = Collections.unmodifiableList(set);
        update = assignments.length() == 0 ? null : "UPDATE " + table + " SET " + assignments + " WHERE " + id
                + " = ?" + (info.version == null ? "" : " AND " + dialect.quote(info.version.column) + " = ?");
        upsert = insertAssigned + dialect.onConflictUpdate(id, upsertAssignments.toString())
                + (info.version == null ? "" : dialect.returning(dialect.quote(info.version.column)));

        createTable = createTable(info, dialect);
        dropTable = "DROP TABLE IF EXISTS " + table;
    }

    private String insert(List<PropertyInfo> properties) {
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        StringJoiner values = new StringJoiner(", ", "(", ")");
        for (PropertyInfo p : properties) {
            columns.add(dialect.quote(p.column));
            values.add("?");
        }
        return "INSERT INTO " + table + " " + columns + " VALUES " + values;
    }

    private static String createTable(EntityInfo<?> info, Dialect dialect) {
        StringJoiner defs = new StringJoiner(",\n    ", "CREATE TABLE IF NOT EXISTS " + dialect.quote(info.table)
                + " (\n    ", "\n)");
        for (PropertyInfo p : info.properties) {
            StringBuilder def = new StringBuilder(dialect.quote(p.column)).append(' ');
            if (p.id && info.generatedId) {
                def.append(dialect.generatedIdColumn(p.type));
            } else {
                def.append(dialect.columnType(p.type, p.length));
                if (p.type == ColumnType.STRING) {
                    def.append(dialect.textCollation());
                }
                if (p.id) {
                    def.append(" PRIMARY KEY");
                } else if (p.primitive) {
                    def.append(" NOT NULL");
                }
                if (p.unique && !p.id) {
                    def.append(" UNIQUE");
                }
            }
            defs.add(def);
        }
        return defs.toString();
    }

    /** {@code CREATE TABLE IF NOT EXISTS} for the entity. */
    public String createTable() {
        return createTable;
    }

    /** {@code DROP TABLE IF EXISTS} for the entity. */
    public String dropTable() {
        return dropTable;
    }

    /** The insert that lets the database generate the id and returns it. */
    public String insertGenerated() {
        return insertGenerated;
    }

    /** The insert of every column, id included. */
    public String insertAssigned() {
        return insertAssigned;
    }

    /** The update by id (and version); null when the entity has no column but its id. */
    public String update() {
        return update;
    }

    /** The one-statement insert-or-update on id conflict. */
    public String upsert() {
        return upsert;
    }

    /** The select of one entity by id. */
    public String findById() {
        return findById;
    }

    /**
     * The select of one page in the given order, made total by the id, with the dialect's paging parameters.
     *
     * @throws ConfigurationException for a property the entity does not have, before any SQL runs
     */
    public String page(Sort sort) {
        String sql = pages.get(sort);
        if (sql == null) {
            sql = selectAll + orderBy(sort) + dialect.limitOffset();
            if (pages.size() < MAX_CACHED_PAGES) {
                pages.putIfAbsent(sort, sql);
            }
        }
        return sql;
    }

    /** {@code ORDER BY} for a sort: only properties of the entity, then the id unless already there. */
    String orderBy(Sort sort) {
        if (sort.isUnsorted()) {
            return " ORDER BY " + id;
        }
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        boolean idSeen = false;
        boolean first = true;
        for (Sort.Order order : sort.orders()) {
            PropertyInfo p = info.property(order.property());
            if (p == null) {
                throw new ConfigurationException("Sort property unknown for entity " + info.type.getSimpleName() + ": '"
                        + order.property() + "'. Use one of: " + info.propertyNames() + ".");
            }
            idSeen |= p.id;
            if (!first) {
                sql.append(", ");
            }
            first = false;
            sql.append(dialect.orderExpression(dialect.quote(p.column), p.type)).append(order.ascending() ? " ASC" : " DESC");
            if (!p.primitive && !p.id) {
                sql.append(dialect.nullsOrder(order.ascending()));
            }
        }
        if (!idSeen) {
            sql.append(", ").append(id);
        }
        return sql.toString();
    }

    /** The select of the entities with {@code n} ids. */
    String findAllById(int n) {
        StringBuilder sql = new StringBuilder(findById.length() + 3 * n).append(selectAll).append(" WHERE ")
                .append(id).append(" IN (");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }
}
