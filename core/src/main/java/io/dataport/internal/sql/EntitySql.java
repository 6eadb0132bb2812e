package io.dataport.internal.sql;

import io.dataport.InvalidQueryException;
import io.dataport.MappingException;
import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.entity.PropertyInfo;
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
 * and are quoted by the dialect; values are always parameters. Every column in an expression is qualified by
 * its table ({@code "t"."c"}), so a column missing from the table fails the statement on every backend (SQLite
 * would otherwise read a double-quoted name it cannot resolve as a string literal, the name itself).
 */
public final class EntitySql {
    public final Dialect dialect;
    public final EntityInfo<?> info;
    public final String table;
    /** The id column, qualified by the table. */
    public final String id;
    /** Properties bound by an insert that lets the database generate the id: all but the id. */
    public final List<PropertyInfo> insertGeneratedProperties;
    /** Properties set by an update, then the id (then the version). */
    public final List<PropertyInfo> updateProperties;
    public final String selectAll;
    public final String findById;
    public final String findAllOrdered;
    /** The largest id, with the dialect's paging parameters (limit 1, offset 0): works for every id type. */
    public final String lastId;
    /** A stream's first chunk: ids up to a bound, in id order, with the dialect's paging parameters. */
    public final String streamFirst;
    /** A stream's next chunk: ids above the last one read and up to the bound, likewise. */
    public final String streamNext;
    public final String insertGenerated;
    /** The generated-id insert without RETURNING, for a JDBC batch that asks the driver for generated keys. */
    public final String insertGeneratedBatch;
    public final String insertAssigned;
    public final String update;
    public final String upsert;
    public final String deleteById;
    public final String deleteVersioned;
    public final String existsById;
    public final String count;
    /** Counts the rows with ids between two parameters. */
    public final String countIdRange;
    /** {@code WHERE id IS NULL}: rows whose key the database did not generate. */
    public final String whereIdIsNull;
    /** Deletes the rows whose id is null. */
    public final String deleteNullIds;
    /** Run after inserting given ids into a table whose ids are generated, with the largest: null when not needed. */
    public final String afterGivenId;
    public final String deleteAll;
    public final String createTable;
    public final String dropTable;
    /** {@code INSERT INTO t (..) VALUES } of the generated-id insert, and its {@code (?, ..)}: null without columns. */
    private final String insertGeneratedHead;
    private final String insertGeneratedTuple;
    /** Page queries by sort: a handful per entity in practice, capped since sorts may come from requests. */
    private final Map<Sort, String> pages = new ConcurrentHashMap<>();
    private final Map<Object, String> conditionedSql = new ConcurrentHashMap<>();

    /** What decides a conditioned statement's SQL. */
    private record ConditionedKey(Conditioned kind, String shape, Sort sort) {
    }
    private static final int MAX_CACHED_PAGES = 256;

    public EntitySql(EntityInfo<?> info, Dialect dialect) {
        this.dialect = dialect;
        this.info = info;
        this.table = dialect.quote(info.table);
        this.id = column(info.id);
        List<PropertyInfo> all = info.properties;
        for (PropertyInfo p : all) {
            if (p.precision > dialect.maxDecimalPrecision()) {
                throw new MappingException("Entity " + info.type.getName() + " property '" + p.name + "' declares "
                        + "precision " + p.precision + ", more digits than a " + dialect.name() + " number column "
                        + "stores exactly: " + dialect.maxDecimalPrecision() + ". Declare at most "
                        + dialect.maxDecimalPrecision() + ", or no precision (the decimal is then stored exactly, "
                        + "as the backend stores undeclared decimals).");
            }
        }
        StringJoiner columns = new StringJoiner(", ");
        for (PropertyInfo p : all) {
            columns.add(column(p));
        }
        selectAll = "SELECT " + columns + " FROM " + table;
        findById = selectAll + " WHERE " + id + " = ?";
        findAllOrdered = selectAll + " ORDER BY " + id;
        lastId = "SELECT " + id + " FROM " + table + " ORDER BY " + id + " DESC" + dialect.limitOffset();
        streamFirst = selectAll + " WHERE " + id + " <= ? ORDER BY " + id + dialect.limitOffset();
        streamNext = selectAll + " WHERE " + id + " > ? AND " + id + " <= ? ORDER BY " + id + dialect.limitOffset();
        existsById = "SELECT 1 FROM " + table + " WHERE " + id + " = ?";
        count = "SELECT COUNT(*) FROM " + table;
        countIdRange = count + " WHERE " + id + " BETWEEN ? AND ?";
        whereIdIsNull = " WHERE " + id + " IS NULL";
        deleteAll = "DELETE FROM " + table;
        deleteNullIds = deleteAll + whereIdIsNull;
        afterGivenId = info.generatedId ? dialect.afterGivenId(info.table, info.id.column) : null;
        deleteById = "DELETE FROM " + table + " WHERE " + id + " = ?";
        deleteVersioned = info.version == null ? deleteById
                : deleteById + " AND " + column(info.version) + " = ?";

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
        List<String> setColumns = new ArrayList<>();
        StringJoiner assignments = new StringJoiner(", ");
        for (PropertyInfo p : withoutId) {
            String c = dialect.quote(p.column);
            setColumns.add(c);
            if (p.version) {
                assignments.add(c + " = " + column(p) + " + 1");
            } else {
                set.add(p);
                assignments.add(c + " = ?");
            }
        }
        set.add(info.id);
        if (info.version != null) {
            set.add(info.version);
        }
        updateProperties = Collections.unmodifiableList(set);
        update = assignments.length() == 0 ? null : "UPDATE " + table + " SET " + assignments + " WHERE " + id
                + " = ?" + (info.version == null ? "" : " AND " + column(info.version) + " = ?");
        upsert = dialect.upsert(insertAssigned, table, dialect.quote(info.id.column), setColumns,
                info.version == null ? null : dialect.quote(info.version.column));
        insertGeneratedHead = withoutId.isEmpty() ? null : insertGeneratedBatch.substring(0,
                insertGeneratedBatch.length() - valuesTuple(withoutId).length());
        insertGeneratedTuple = withoutId.isEmpty() ? null : valuesTuple(withoutId);

        createTable = createTable(info, dialect);
        dropTable = "DROP TABLE IF EXISTS " + table;
    }

    /** A column in an expression: qualified by the table. */
    private String column(PropertyInfo p) {
        return table + "." + dialect.quote(p.column);
    }

    private String insert(List<PropertyInfo> properties) {
        StringJoiner columns = new StringJoiner(", ", "(", ")");
        for (PropertyInfo p : properties) {
            columns.add(dialect.quote(p.column));
        }
        return "INSERT INTO " + table + " " + columns + " VALUES " + valuesTuple(properties);
    }

    private static String valuesTuple(List<PropertyInfo> properties) {
        StringJoiner values = new StringJoiner(", ", "(", ")");
        for (int i = 0; i < properties.size(); i++) {
            values.add("?");
        }
        return values.toString();
    }

    /**
     * The insert of {@code rows} rows with generated ids in one statement, returning the ids:
     * {@code INSERT INTO t (..) VALUES (..), (..) RETURNING id}. Only for entities with a column besides the id.
     */
    public String insertGeneratedRows(int rows) {
        StringBuilder sql = new StringBuilder(insertGeneratedHead.length() + rows * (insertGeneratedTuple.length() + 2)
                + 32).append(insertGeneratedHead);
        for (int i = 0; i < rows; i++) {
            if (i > 0) {
                sql.append(", ");
            }
            sql.append(insertGeneratedTuple);
        }
        return sql.append(dialect.returning(id)).toString();
    }

    private static String createTable(EntityInfo<?> info, Dialect dialect) {
        StringJoiner defs = new StringJoiner(",\n    ", "CREATE TABLE IF NOT EXISTS " + dialect.quote(info.table)
                + " (\n    ", "\n)");
        for (PropertyInfo p : info.properties) {
            StringBuilder def = new StringBuilder(dialect.quote(p.column)).append(' ');
            if (p.id && info.generatedId) {
                def.append(dialect.generatedIdColumn(p.type));
            } else {
                def.append(p.id ? dialect.keyColumnType(p.type, p.length, p.precision, p.scale)
                        : dialect.columnType(p.type, p.length, p.precision, p.scale));
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
     * @throws InvalidQueryException for a property the entity does not have, before any SQL runs
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

    /** What a statement with a condition does. */
    public enum Conditioned {
        /** Every matching row, sorted; parameters: the condition's. */
        SELECT,
        /** One page of matching rows, sorted; parameters: the condition's, then the limit and the offset. */
        PAGE,
        /** How many rows match; parameters: the condition's. */
        COUNT,
        /** Whether a row matches (at most one row); parameters: the condition's, then 1 and 0. */
        EXISTS,
        /** Deletes the matching rows; parameters: the condition's. */
        DELETE
    }

    /**
     * A statement with a condition, built once per shape of the condition (and sort): later calls with the same
     * shape find it in a cache, whatever their values.
     *
     * @param kind      what the statement does
     * @param read      the condition, read ({@link ConditionSql#read})
     * @param condition the condition itself
     * @param sort      the order of {@link Conditioned#SELECT} and {@link Conditioned#PAGE}; ignored otherwise
     * @return the SQL
     */
    public String conditioned(Conditioned kind, ConditionSql read, io.dataport.Condition condition, Sort sort) {
        boolean sorted = (kind == Conditioned.SELECT || kind == Conditioned.PAGE) && !sort.isUnsorted();
        // The common unsorted case looks up the shape alone (a sort's hash walks its orders).
        Object key = sorted ? new ConditionedKey(kind, read.shape(), sort) : kind.ordinal() + read.shape();
        String sql = conditionedSql.get(key);
        if (sql == null) {
            String where = " WHERE " + read.sql(condition);
            switch (kind) {
                case SELECT:
                    sql = selectAll + where + orderBy(sort);
                    break;
                case PAGE:
                    sql = selectAll + where + orderBy(sort) + dialect.limitOffset();
                    break;
                case COUNT:
                    sql = count + where;
                    break;
                case EXISTS:
                    sql = "SELECT 1 FROM " + table + where + dialect.limitOffset();
                    break;
                default:
                    sql = deleteAll + where;
                    break;
            }
            if (conditionedSql.size() < MAX_CACHED_PAGES * 4) {
                conditionedSql.putIfAbsent(key, sql);
            }
        }
        return sql;
    }

    /** {@code ORDER BY} for a sort: only properties of the entity, then the id unless already there. */
    public String orderBy(Sort sort) {
        if (sort.isUnsorted()) {
            return " ORDER BY " + id;
        }
        StringBuilder sql = new StringBuilder(" ORDER BY ");
        boolean idSeen = false;
        boolean first = true;
        for (Sort.Order order : sort.orders()) {
            PropertyInfo p = info.property(order.property());
            if (p == null) {
                throw new InvalidQueryException("Sort property unknown for entity " + info.type.getSimpleName() + ": '"
                        + order.property() + "'. Use one of: " + info.propertyNames() + ".");
            }
            idSeen |= p.id;
            if (!first) {
                sql.append(", ");
            }
            first = false;
            sql.append(dialect.orderBy(dialect.orderExpression(column(p), p.type, p.precision), order.ascending(),
                    !p.primitive && !p.id));
        }
        if (!idSeen) {
            sql.append(", ").append(id);
        }
        return sql.toString();
    }

    /** The select of the entities with {@code n} ids. */
    public String findAllById(int n) {
        StringBuilder sql = new StringBuilder(findById.length() + 3 * n).append(selectAll).append(" WHERE ")
                .append(id).append(" IN (");
        for (int i = 0; i < n; i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        return sql.append(')').toString();
    }
}
