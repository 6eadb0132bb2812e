package io.dataport.internal.repository;

import io.dataport.ConstraintViolationException;
import io.dataport.CrudRepository;
import io.dataport.EntityNotFoundException;
import io.dataport.MappingException;
import io.dataport.OptimisticLockException;
import io.dataport.Page;
import io.dataport.PageRequest;
import io.dataport.StatementException;
import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.entity.PropertyInfo;
import io.dataport.internal.session.SessionState;
import io.dataport.internal.session.StreamLease;
import io.dataport.internal.sql.EntitySql;
import io.dataport.internal.statement.BoundStatement;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;
import io.dataport.spi.IdGeneration;
import io.dataport.spi.ValueCodec;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The {@link CrudRepository} of one entity type: SQL built once per entity and dialect ({@link EntitySql}),
 * every statement run by the {@link StatementRunner} with values bound by the {@link EntityBinder}, in the
 * session its {@link RepositoryAccess} gives. No Jdbi handle is involved. Thread-safe when its access is.
 *
 * @param <T>  the entity type
 * @param <ID> the id type
 */
final class EntityRepository<T, ID> implements CrudRepository<T, ID> {
    /** Rows fetched per round trip by {@link #stream()}, at most (see {@link KeysetCursor}). */
    static final int STREAM_FETCH_SIZE = 1_000;
    /** Ids per statement in {@link #findAllById}, at most. */
    static final int IDS_PER_STATEMENT = 500;
    /** Rows per JDBC batch in {@link #insertAll}, at most. */
    static final int BATCH_SIZE = 1_000;

    private final EntityInfo<T> info;
    private final EntitySql sql;
    private final Dialect dialect;
    private final ValueCodec codec;
    private final StatementRunner statements;
    private final RepositoryAccess access;
    private final EntityBinder<T> binder;
    private final PropertyInfo id;

    EntityRepository(EntityInfo<T> info, Dialect dialect, ValueCodec codec, StatementRunner statements,
                     RepositoryAccess access) {
        this.info = info;
        this.sql = info.sql(dialect);
        this.dialect = dialect;
        this.codec = codec;
        this.statements = statements;
        this.access = access;
        this.binder = new EntityBinder<>();
        this.id = info.id;
    }

    @Override
    public T insert(T given) {
        T entity = info.normalized(Objects.requireNonNull(given, "entity"));
        if (id.get(entity) == null) {
            requireGeneratedId();
        }
        if (id.get(entity) != null && sql.afterGivenId != null) {
            return access.write(s -> afterGivenIds(s, insert(s, entity)));
        }
        return access.writeOneStatement(s -> insert(s, entity));
    }

    /** Inserts one entity; for a given id the caller runs {@link #afterGivenIds}. */
    private T insert(SessionState s, T entity) {
        if (id.get(entity) == null) {
            Object generated = statements.run(s, sql.insertGenerated, statement -> {
                binder.bind(statement, 0, entity, sql.insertGeneratedProperties);
                try (ResultSet rs = statement.jdbc().executeQuery()) {
                    if (!rs.next()) {
                        throw new StatementException("Insert into " + info.table + " returned no generated id.",
                                sql.insertGenerated, null);
                    }
                    return codec.read(rs, 1, id.type);
                }
            });
            if (generated == null) {
                throw nullGeneratedId(s, sql.insertGenerated);
            }
            return info.withIdAndVersion(entity, generated, null);
        }
        statements.run(s, sql.insertAssigned, statement -> {
            binder.bind(statement, 0, entity, info.properties);
            return statement.jdbc().executeUpdate();
        });
        return entity;
    }

    /**
     * Moves the database's id generator past the largest id among {@code inserted} (an entity or a list of them),
     * some given by the application, in the inserting transaction, when the dialect needs it ({@link Dialect#afterGivenId}); returns {@code inserted}.
     */
    private <R> R afterGivenIds(SessionState s, R inserted) {
        if (sql.afterGivenId == null) {
            return inserted;
        }
        Long largest = null;
        for (Object e : inserted instanceof List ? (List<?>) inserted : List.of(inserted)) {
            Object given = id.get(e);
            if (given != null && (largest == null || ((Number) given).longValue() > largest)) {
                largest = ((Number) given).longValue();
            }
        }
        long bound = largest;
        statements.run(s, sql.afterGivenId, statement -> {
            statement.bind(1, ColumnType.LONG, bound);
            return statement.jdbc().execute();
        });
        return inserted;
    }

    @Override
    public List<T> insertAll(Iterable<T> entities) {
        List<T> list = new ArrayList<>();
        for (T e : Objects.requireNonNull(entities, "entities")) {
            list.add(info.normalized(Objects.requireNonNull(e, "entities holds a null entity")));
        }
        if (list.isEmpty()) {
            return List.of();
        }
        int nullIds = 0;
        for (T e : list) {
            if (id.get(e) == null) {
                nullIds++;
            }
        }
        if (nullIds > 0) {
            requireGeneratedId();
        }
        int generated = nullIds;
        return access.write(s -> {
            if (generated == list.size() && !sql.insertGeneratedProperties.isEmpty()) {
                List<Object> ids = insertGeneratedBatch(s, list);
                List<T> result = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    result.add(info.withIdAndVersion(list.get(i), ids.get(i), null));
                }
                return result;
            }
            if (generated == 0) {
                statements.run(s, sql.insertAssigned, statement -> {
                    for (int from = 0; from < list.size(); from += BATCH_SIZE) {
                        for (T e : list.subList(from, Math.min(list.size(), from + BATCH_SIZE))) {
                            binder.bind(statement, 0, e, info.properties);
                            statement.jdbc().addBatch();
                        }
                        statement.jdbc().executeBatch();
                    }
                    return null;
                });
                return afterGivenIds(s, list);
            }
            // Some ids given, some to generate: one statement each, in the same transaction.
            List<T> result = new ArrayList<>(list.size());
            for (T e : list) {
                // Each given id before the next generated one, which could otherwise collide with it.
                result.add(id.get(e) == null ? insert(s, e) : afterGivenIds(s, insert(s, e)));
            }
            return result;
        });
    }

    /** Inserts entities whose ids the database generates, the dialect's way, and returns the ids in order. */
    private List<Object> insertGeneratedBatch(SessionState s, List<T> list) {
        IdGeneration ids = dialect.idGeneration();
        switch (ids.strategy()) {
            case ROWID_RANGE:
                return insertRowidRange(s, list, ids.lastIdQuery());
            case MULTI_ROW_RETURNING:
                return insertMultiRowReturning(s, list);
            default:
                List<Object> one = new ArrayList<>(list.size());
                for (T e : list) {
                    one.add(id.get(insert(s, e)));
                }
                return one;
        }
    }

    /**
     * A JDBC batch without generated keys, in batches of {@link #BATCH_SIZE}: in one write transaction the
     * batch's ids are consecutive and end at the last generated id, which core checks.
     */
    private List<Object> insertRowidRange(SessionState s, List<T> list, String lastIdQuery) {
        int n = list.size();
        // The largest id before the batch: when the batch's last id is exactly n above it, its ids are the n
        // consecutive ones after it, with no need to count them (an index walk as long as the batch).
        long before = queryLong(s, "SELECT coalesce(max(" + sql.id + "), 0) FROM " + sql.table);
        statements.run(s, sql.insertGeneratedBatch, statement -> {
            for (int from = 0; from < n; from += BATCH_SIZE) {
                for (T e : list.subList(from, Math.min(n, from + BATCH_SIZE))) {
                    binder.bind(statement, 0, e, sql.insertGeneratedProperties);
                    statement.jdbc().addBatch();
                }
                statement.jdbc().executeBatch();
            }
            return null;
        });
        // The last generated id and the table's largest id, in one round trip: they differ when the ids were not
        // stored (a key the database does not generate stores NULL on SQLite), and the count below tells.
        long[] lastAndMax = statements.run(s, "SELECT (" + lastIdQuery + "), (SELECT max(" + sql.id + ") FROM "
                + sql.table + ")", statement -> {
                    try (ResultSet rs = statement.jdbc().executeQuery()) {
                        rs.next();
                        return new long[] {rs.getLong(1), rs.getLong(2)};
                    }
                });
        long last = lastAndMax[0];
        long first = last - n + 1;
        long inRange = last - before == n && lastAndMax[1] == last ? n : statements.run(s, sql.countIdRange, statement -> {
            statement.bind(1, ColumnType.LONG, first);
            statement.bind(2, ColumnType.LONG, last);
            return readLong(statement);
        });
        if (inRange != n) {
            if (queryLong(s, sql.count + sql.whereIdIsNull) > 0) {
                throw nullGeneratedId(s, sql.insertGeneratedBatch);
            }
            throw new StatementException("Batch insert into " + info.table + " got ids that are not consecutive: "
                    + "the table's largest id may have reached the maximum. Insert these rows one by one.",
                    sql.insertGeneratedBatch, null);
        }
        List<Object> result = new ArrayList<>(n);
        for (long i = first; i <= last; i++) {
            result.add(id.type == ColumnType.INT ? (Object) (int) i : (Object) i);
        }
        return result;
    }

    /**
     * Multi-row {@code INSERT ... VALUES (..), (..) ... RETURNING id} statements of up to {@link #BATCH_SIZE}
     * rows (fewer when the dialect's parameter limit requires): one round trip and one result per chunk, where
     * a JDBC batch asking for generated keys runs (and answers) row by row. The ids are matched to the rows by
     * sorting them: the database draws them from the sequence as it forms the rows, in the order of the VALUES
     * list, whatever order RETURNING gives them back in.
     */
    private List<Object> insertMultiRowReturning(SessionState s, List<T> list) {
        List<PropertyInfo> properties = sql.insertGeneratedProperties;
        int n = list.size();
        int perChunk = Math.max(1, Math.min(BATCH_SIZE, dialect.maxParameters() / properties.size()));
        List<Object> ids = new ArrayList<>(n);
        for (int from = 0; from < n; from += perChunk) {
            List<T> chunk = list.subList(from, Math.min(n, from + perChunk));
            String chunkSql = sql.insertGeneratedRows(chunk.size());
            List<Object> chunkIds = statements.run(s, chunkSql, statement -> {
                int index = 0;
                for (T e : chunk) {
                    index = binder.bind(statement, index, e, properties);
                }
                List<Object> got = new ArrayList<>(chunk.size());
                try (ResultSet rs = statement.jdbc().executeQuery()) {
                    while (rs.next()) {
                        got.add(codec.read(rs, 1, id.type));
                    }
                }
                return got;
            });
            if (chunkIds.size() != chunk.size()) {
                throw new StatementException("Batch insert into " + info.table + " returned " + chunkIds.size()
                        + " generated ids for " + chunk.size() + " rows.", chunkSql, null);
            }
            if (chunkIds.contains(null)) {
                throw nullGeneratedId(s, chunkSql);
            }
            chunkIds.sort((x, y) -> Long.compare(((Number) x).longValue(), ((Number) y).longValue()));
            ids.addAll(chunkIds);
        }
        return ids;
    }

    @Override
    public T update(T given) {
        T entity = info.normalized(Objects.requireNonNull(given, "entity"));
        Object idValue = id.get(entity);
        if (idValue == null) {
            throw new EntityNotFoundException("Entity " + info.type.getSimpleName() + " has a null id: update needs "
                    + "the id of a stored row. Use insert or save for a new entity.");
        }
        return access.write(s -> update(s, entity, idValue));
    }

    private T update(SessionState s, T entity, Object idValue) {
        if (sql.update == null) {
            if (!exists(s, idValue)) {
                throw notFound("update");
            }
            return entity;
        }
        int changed = statements.run(s, sql.update, statement -> {
            binder.bind(statement, 0, entity, sql.updateProperties);
            return statement.jdbc().executeUpdate();
        });
        if (changed > 0) {
            return info.version == null ? entity : info.withIdAndVersion(entity, idValue, info.versionOf(entity) + 1);
        }
        if (info.version != null && exists(s, idValue)) {
            throw stale("update");
        }
        throw notFound("update");
    }

    @Override
    public T save(T entity) {
        Objects.requireNonNull(entity, "entity");
        return id.get(entity) == null ? insert(entity) : update(entity);
    }

    @Override
    public T upsert(T given) {
        T entity = info.normalized(Objects.requireNonNull(given, "entity"));
        Object idValue = id.get(entity);
        if (idValue == null) {
            return insert(entity);
        }
        return access.write(s -> afterGivenIds(s, statements.run(s, sql.upsert, statement -> {
            binder.bind(statement, 0, entity, info.properties);
            if (info.version == null) {
                statement.jdbc().executeUpdate();
                return entity;
            }
            try (ResultSet rs = statement.jdbc().executeQuery()) {
                if (!rs.next()) {
                    // The row exists (the insert conflicted) at another version: the update's WHERE left it alone.
                    throw stale("upsert");
                }
                return info.withIdAndVersion(entity, idValue, (Long) codec.read(rs, 1, info.version.type));
            }
        })));
    }

    @Override
    public Optional<T> findById(ID idValue) {
        Object checked = checkId(idValue);
        return Optional.ofNullable(access.readOneStatement(s -> statements.run(s, sql.findById, statement -> {
            statement.bind(1, id.type, checked);
            try (ResultSet rs = statement.jdbc().executeQuery()) {
                return rs.next() ? info.read(rs, codec, null) : null;
            }
        })));
    }

    @Override
    public List<T> findAllById(Iterable<ID> ids) {
        Set<Object> wanted = new LinkedHashSet<>();
        for (ID i : Objects.requireNonNull(ids, "ids")) {
            wanted.add(checkId(i));
        }
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Object> all = new ArrayList<>(wanted);
        int perStatement = Math.max(1, Math.min(IDS_PER_STATEMENT, dialect.maxParameters()));
        Map<Object, T> found = access.read(s -> {
            Map<Object, T> byId = new HashMap<>();
            for (int from = 0; from < all.size(); from += perStatement) {
                List<Object> chunk = all.subList(from, Math.min(all.size(), from + perStatement));
                for (T e : statements.run(s, sql.findAllById(chunk.size()), statement -> {
                    for (int i = 0; i < chunk.size(); i++) {
                        statement.bind(i + 1, id.type, chunk.get(i));
                    }
                    return readAll(statement);
                })) {
                    byId.put(id.get(e), e);
                }
            }
            return byId;
        });
        List<T> result = new ArrayList<>(found.size());
        for (Object i : all) {
            T e = found.get(i);
            if (e != null) {
                result.add(e);
            }
        }
        return result;
    }

    @Override
    public List<T> findAll() {
        return access.read(s -> statements.run(s, sql.findAllOrdered, this::readAll));
    }

    @Override
    public Page<T> findAll(PageRequest request) {
        Objects.requireNonNull(request, "request");
        String pageSql = sql.page(request.sort());
        return access.read(s -> {
            long total = queryLong(s, sql.count);
            List<T> content = request.offset() >= total ? List.of() : statements.run(s, pageSql, statement -> {
                statement.bind(1, ColumnType.INT, request.size());
                statement.bind(2, ColumnType.LONG, request.offset());
                return readAll(statement);
            });
            return new Page<>(content, request, total);
        });
    }

    @Override
    public Stream<T> stream() {
        StreamLease lease = access.openStream();
        try {
            KeysetCursor<T> cursor = new KeysetCursor<>(lease.state(), statements, sql, info, codec, STREAM_FETCH_SIZE);
            return StreamSupport.stream(Spliterators.spliteratorUnknownSize(cursor,
                    Spliterator.ORDERED | Spliterator.NONNULL), false).onClose(lease::release);
        } catch (RuntimeException | Error e) {
            lease.release();
            throw e;
        }
    }

    @Override
    public long count() {
        return access.readOneStatement(s -> queryLong(s, sql.count));
    }

    @Override
    public boolean existsById(ID idValue) {
        Object checked = checkId(idValue);
        return access.readOneStatement(s -> exists(s, checked));
    }

    @Override
    public boolean deleteById(ID idValue) {
        Object checked = checkId(idValue);
        return access.writeOneStatement(s -> statements.run(s, sql.deleteById, statement -> {
            statement.bind(1, id.type, checked);
            return statement.jdbc().executeUpdate() > 0;
        }));
    }

    @Override
    public boolean delete(T entity) {
        Objects.requireNonNull(entity, "entity");
        Object idValue = id.get(entity);
        if (idValue == null) {
            return false;
        }
        return access.write(s -> {
            int deleted = statements.run(s, sql.deleteVersioned, statement -> {
                statement.bind(1, id.type, idValue);
                if (info.version != null) {
                    statement.bind(2, info.version.type, info.versionOf(entity));
                }
                return statement.jdbc().executeUpdate();
            });
            if (deleted > 0) {
                return true;
            }
            if (info.version != null && exists(s, idValue)) {
                throw stale("delete");
            }
            return false;
        });
    }

    @Override
    public long deleteAll() {
        return access.writeOneStatement(s -> statements.run(s, sql.deleteAll,
                statement -> (long) statement.jdbc().executeUpdate()));
    }

    private boolean exists(SessionState s, Object idValue) {
        return statements.run(s, sql.existsById, statement -> {
            statement.bind(1, id.type, idValue);
            try (ResultSet rs = statement.jdbc().executeQuery()) {
                return rs.next();
            }
        });
    }

    private long queryLong(SessionState s, String query) {
        return statements.run(s, query, EntityRepository::readLong);
    }

    private static long readLong(BoundStatement statement) throws SQLException {
        try (ResultSet rs = statement.jdbc().executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<T> readAll(BoundStatement statement) throws SQLException {
        List<T> result = new ArrayList<>();
        try (ResultSet rs = statement.jdbc().executeQuery()) {
            while (rs.next()) {
                result.add(info.read(rs, codec, null));
            }
        }
        return result;
    }

    private Object checkId(Object idValue) {
        Objects.requireNonNull(idValue, "id");
        if (!id.javaType.isInstance(idValue)) {
            throw new MappingException("Id of entity " + info.type.getSimpleName() + " has the wrong type: "
                    + idValue.getClass().getName() + ". Pass a " + id.javaType.getSimpleName() + ".");
        }
        return idValue;
    }

    private void requireGeneratedId() {
        if (!info.generatedId) {
            throw new MappingException("Entity " + info.type.getName() + " property '" + id.name + "' is null: a "
                    + id.javaType.getSimpleName() + " id is assigned by the application. Set it before inserting.");
        }
    }

    /**
     * The database generated no id: the table's key is not one the database generates (SQLite stores NULL in a
     * primary key that is not {@code INTEGER PRIMARY KEY}). In a transaction, its own or the caller's, the
     * transaction is marked failed, as a statement the database refused would leave it, so the row is rolled
     * back; an insert that committed on its own (autocommit) is undone by deleting the rows with a NULL key,
     * which no repository operation can reach anyway.
     */
    private ConstraintViolationException nullGeneratedId(SessionState s, String statement) {
        if (s.isInTransaction()) {
            s.markFailed();
        } else {
            statements.run(s, sql.deleteNullIds, bound -> bound.jdbc().executeUpdate());
        }
        return new ConstraintViolationException("Insert into table " + info.table + " stored no generated id: column '"
                + id.column + "' is not generated by the database, so the row would have a NULL key. Declare it "
                + "INTEGER PRIMARY KEY on SQLite or an identity column on PostgreSQL, let db.schema().create make "
                + "the table, or set the id before inserting.", statement, null);
    }

    private EntityNotFoundException notFound(String operation) {
        return new EntityNotFoundException("Entity " + info.type.getSimpleName() + " not found by id: " + operation
                + " changed no row in table " + info.table + ". Insert it first, or read it again.");
    }

    private OptimisticLockException stale(String operation) {
        return new OptimisticLockException("Entity " + info.type.getSimpleName() + " is stale: " + operation
                + " found the row in table " + info.table + " changed since it was read (@Version "
                + info.version.name + " differs). Read it again and reapply the change.");
    }

    @Override
    public String toString() {
        return "CrudRepository[" + info.type.getSimpleName() + " -> " + info.table + ", " + dialect.name() + "]";
    }
}
