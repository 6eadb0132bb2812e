package io.dataport.internal;

import io.dataport.CrudRepository;
import io.dataport.EntityNotFoundException;
import io.dataport.MappingException;
import io.dataport.OptimisticLockException;
import io.dataport.Page;
import io.dataport.PageRequest;
import io.dataport.spi.ColumnType;
import io.dataport.spi.Dialect;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.SqlStatement;
import org.jdbi.v3.core.statement.Update;

import java.sql.PreparedStatement;
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
import java.util.stream.Stream;

/**
 * The {@link CrudRepository} of one entity type: SQL built once per entity and dialect ({@link EntitySql}),
 * values bound and read by the dialect's codecs, statements run where its {@link HandleAccess} says.
 * Thread-safe when its access is.
 *
 * @param <T>  the entity type
 * @param <ID> the id type
 */
public final class EntityRepository<T, ID> implements CrudRepository<T, ID> {
    /** Rows fetched per round trip by {@link #stream()}. */
    static final int STREAM_FETCH_SIZE = 1_000;
    /** Ids per statement in {@link #findAllById}: well under every backend's parameter limit. */
    static final int IDS_PER_STATEMENT = 500;
    /** Rows per JDBC batch in {@link #insertAll}. */
    static final int BATCH_SIZE = 1_000;
    /** Bound parameters per statement at most: PostgreSQL's protocol allows 32,767. */
    static final int MAX_PARAMETERS = 30_000;

    private final EntityInfo<T> info;
    private final EntitySql sql;
    private final Dialect dialect;
    private final HandleAccess access;
    private final PropertyInfo id;
    private final RowMapper<T> mapper;
    private final RowMapper<Object> versionMapper;

    public EntityRepository(EntityInfo<T> info, Dialect dialect, HandleAccess access) {
        this.info = info;
        this.sql = info.sql(dialect);
        this.dialect = dialect;
        this.access = access;
        this.id = info.id;
        this.mapper = (rs, ctx) -> info.read(rs, dialect, null);
        PropertyInfo version = info.version;
        this.versionMapper = version == null ? null : (rs, ctx) -> dialect.read(rs, 1, version.type);
    }

    @Override
    public T insert(T entity) {
        Objects.requireNonNull(entity, "entity");
        if (id.get(entity) == null) {
            requireGeneratedId();
            Object generated = access.writeOneStatement(sql.insertGenerated, insertGenerated(entity));
            return info.withIdAndVersion(entity, generated, null);
        }
        access.writeOneStatement(sql.insertAssigned, insertAssigned(entity));
        return entity;
    }

    private T insert(Handle h, T entity) {
        if (id.get(entity) == null) {
            requireGeneratedId();
            Object generated = DirectStatement.run(h, sql.insertGenerated, insertGenerated(entity));
            return info.withIdAndVersion(entity, generated, null);
        }
        DirectStatement.run(h, sql.insertAssigned, insertAssigned(entity));
        return entity;
    }

    /** Runs the insert of an entity whose id the database generates, and reads the id back. */
    private DirectStatement.Work<Object> insertGenerated(T entity) {
        return statement -> {
            bind(statement, entity, sql.insertGeneratedProperties);
            try (ResultSet rs = statement.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("Insert into " + info.table + " returned no generated id.");
                }
                return dialect.read(rs, 1, id.type);
            }
        };
    }

    /** Runs the insert of an entity whose id the application assigned. */
    private DirectStatement.Work<Integer> insertAssigned(T entity) {
        return statement -> {
            bind(statement, entity, info.properties);
            return statement.executeUpdate();
        };
    }

    @Override
    public List<T> insertAll(Iterable<T> entities) {
        List<T> list = new ArrayList<>();
        for (T e : Objects.requireNonNull(entities, "entities")) {
            list.add(Objects.requireNonNull(e, "entities holds a null entity"));
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
        return access.write(h -> {
            if (generated == list.size()) {
                List<Object> ids = insertGeneratedBatch(h, list);
                List<T> result = new ArrayList<>(list.size());
                for (int i = 0; i < list.size(); i++) {
                    result.add(info.withIdAndVersion(list.get(i), ids.get(i), null));
                }
                return result;
            }
            if (generated == 0) {
                PreparedBatch batch = h.prepareBatch(sql.insertAssigned);
                for (T e : list) {
                    bind(batch, e, info.properties);
                    batch.add();
                }
                batch.execute();
                return list;
            }
            // Some ids given, some to generate: one statement each, in the same transaction.
            List<T> result = new ArrayList<>(list.size());
            for (T e : list) {
                result.add(insert(h, e));
            }
            return result;
        });
    }

    /** Inserts the entities in batches of {@link #BATCH_SIZE} and returns the generated ids, in order. */
    private List<Object> insertGeneratedBatch(Handle h, List<T> list) {
        int n = list.size();
        String lastIdQuery = dialect.lastGeneratedIdQuery();
        if (lastIdQuery == null) {
            return insertMultiRowReturning(h, list);
        }
        // The largest id before the batch: when the batch's last id is exactly n above it, its ids are the n
        // consecutive ones after it, with no need to count them (an index walk as long as the batch).
        long before = DirectStatement.run(h, "SELECT coalesce(max(" + sql.id + "), 0) FROM " + sql.table,
                statement -> {
                    try (ResultSet rs = statement.executeQuery()) {
                        rs.next();
                        return rs.getLong(1);
                    }
                });
        DirectStatement.run(h, sql.insertGeneratedBatch, statement -> {
            for (int from = 0; from < n; from += BATCH_SIZE) {
                for (T e : list.subList(from, Math.min(n, from + BATCH_SIZE))) {
                    bind(statement, e, sql.insertGeneratedProperties);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
            return null;
        });
        long last = h.createQuery(lastIdQuery).mapTo(Long.class).one();
        long first = last - n + 1;
        long inRange = last - before == n ? n
                : h.createQuery(sql.countIdRange).bind(0, first).bind(1, last).mapTo(Long.class).one();
        if (inRange != n) {
            throw new IllegalStateException("Batch insert into " + info.table + " got ids that are not consecutive: "
                    + "the table's largest id may have reached the maximum. Insert these rows one by one.");
        }
        List<Object> ids = new ArrayList<>(n);
        for (long i = first; i <= last; i++) {
            ids.add(id.type == ColumnType.INT ? (Object) (int) i : (Object) i);
        }
        return ids;
    }

    @Override
    public T update(T entity) {
        Objects.requireNonNull(entity, "entity");
        Object idValue = id.get(entity);
        if (idValue == null) {
            throw new EntityNotFoundException("Entity " + info.type.getSimpleName() + " has a null id: update needs "
                    + "the id of a stored row. Use insert or save for a new entity.");
        }
        return access.write(h -> update(h, entity, idValue));
    }

    private T update(Handle h, T entity, Object idValue) {
        if (sql.update == null) {
            if (!exists(h, idValue)) {
                throw notFound("update");
            }
            return entity;
        }
        int changed = DirectStatement.run(h, sql.update, statement -> {
            bind(statement, entity, sql.updateProperties);
            return statement.executeUpdate();
        });
        if (changed > 0) {
            return info.version == null ? entity : info.withIdAndVersion(entity, idValue, info.versionOf(entity) + 1);
        }
        if (info.version != null && exists(h, idValue)) {
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
    public T upsert(T entity) {
        Objects.requireNonNull(entity, "entity");
        Object idValue = id.get(entity);
        if (idValue == null) {
            return insert(entity);
        }
        return access.write(h -> {
            if (info.version == null) {
                Update update = h.createUpdate(sql.upsert);
                bind(update, entity, info.properties);
                update.execute();
                return entity;
            }
            var query = h.createQuery(sql.upsert);
            bind(query, entity, info.properties);
            Long version = (Long) query.map(versionMapper).one();
            return info.withIdAndVersion(entity, idValue, version);
        });
    }

    @Override
    public Optional<T> findById(ID idValue) {
        Object checked = checkId(idValue);
        return Optional.ofNullable(access.readOneStatement(sql.findById, statement -> {
            dialect.bind(statement, 1, id.type, checked);
            try (ResultSet rs = statement.executeQuery()) {
                return rs.next() ? info.read(rs, dialect, null) : null;
            }
        }));
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
        Map<Object, T> found = access.read(h -> {
            Map<Object, T> byId = new HashMap<>();
            for (int from = 0; from < all.size(); from += IDS_PER_STATEMENT) {
                List<Object> chunk = all.subList(from, Math.min(all.size(), from + IDS_PER_STATEMENT));
                var query = h.createQuery(sql.findAllById(chunk.size()));
                for (int i = 0; i < chunk.size(); i++) {
                    query.bind(i, idArgument(chunk.get(i)));
                }
                for (T e : query.map(mapper).list()) {
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
        return access.read(h -> h.createQuery(sql.findAllOrdered).map(mapper).list());
    }

    @Override
    public Page<T> findAll(PageRequest request) {
        Objects.requireNonNull(request, "request");
        String pageSql = sql.page(request.sort());
        return access.read(h -> {
            long total = h.createQuery(sql.count).mapTo(Long.class).one();
            List<T> content = request.offset() >= total ? List.of()
                    : h.createQuery(pageSql).bind(0, request.size()).bind(1, request.offset()).map(mapper).list();
            return new Page<>(content, request, total);
        });
    }

    @Override
    public Stream<T> stream() {
        HandleAccess.StreamHandle lent = access.openStream();
        try {
            return lent.handle().createQuery(sql.findAllOrdered).setFetchSize(STREAM_FETCH_SIZE).map(mapper).stream()
                    .onClose(lent::release);
        } catch (RuntimeException | Error e) {
            lent.release();
            throw e;
        }
    }

    @Override
    public long count() {
        return access.read(h -> h.createQuery(sql.count).mapTo(Long.class).one());
    }

    @Override
    public boolean existsById(ID idValue) {
        Object checked = checkId(idValue);
        return access.read(h -> exists(h, checked));
    }

    @Override
    public boolean deleteById(ID idValue) {
        Object checked = checkId(idValue);
        return access.write(h -> h.createUpdate(sql.deleteById).bind(0, idArgument(checked)).execute() > 0);
    }

    @Override
    public boolean delete(T entity) {
        Objects.requireNonNull(entity, "entity");
        Object idValue = id.get(entity);
        if (idValue == null) {
            return false;
        }
        return access.write(h -> {
            Update delete = h.createUpdate(sql.deleteVersioned).bind(0, idArgument(idValue));
            if (info.version != null) {
                delete.bind(1, new ValueArgument(dialect, info.version.type, info.versionOf(entity)));
            }
            if (delete.execute() > 0) {
                return true;
            }
            if (info.version != null && exists(h, idValue)) {
                throw stale("delete");
            }
            return false;
        });
    }

    @Override
    public long deleteAll() {
        return access.write(h -> (long) h.createUpdate(sql.deleteAll).execute());
    }

    private boolean exists(Handle h, Object idValue) {
        return h.createQuery(sql.existsById).bind(0, idArgument(idValue)).mapTo(Integer.class).findFirst().isPresent();
    }

    private void bind(SqlStatement<?> statement, T entity, List<PropertyInfo> properties) {
        for (int i = 0; i < properties.size(); i++) {
            PropertyInfo p = properties.get(i);
            statement.bind(i, new ValueArgument(dialect, p.type, p.toDatabase(p.get(entity))));
        }
    }

    /**
     * Inserts the entities with multi-row {@code INSERT ... VALUES (..), (..) ... RETURNING id} statements of up
     * to {@link #BATCH_SIZE} rows: one round trip and one result per chunk, where a JDBC batch asking for
     * generated keys runs (and answers) row by row. The ids are matched to the rows by sorting them: the
     * database draws them from the sequence as it forms the rows, in the order of the VALUES list, whatever
     * order RETURNING gives them back in.
     */
    private List<Object> insertMultiRowReturning(Handle h, List<T> list) {
        List<PropertyInfo> properties = sql.insertGeneratedProperties;
        int n = list.size();
        if (properties.isEmpty()) {
            List<Object> ids = new ArrayList<>(n);
            for (T e : list) {
                ids.add(id.get(insert(h, e)));
            }
            return ids;
        }
        int perChunk = Math.max(1, Math.min(BATCH_SIZE, MAX_PARAMETERS / Math.max(1, properties.size())));
        String base = sql.insertGeneratedBatch;
        int values = base.lastIndexOf(" VALUES ");
        String head = base.substring(0, values + 8);
        String tuple = base.substring(values + 8);
        List<Object> ids = new ArrayList<>(n);
        for (int from = 0; from < n; from += perChunk) {
            List<T> chunk = list.subList(from, Math.min(n, from + perChunk));
            String statementSql = head + String.join(", ", java.util.Collections.nCopies(chunk.size(), tuple))
                    + dialect.returning(dialect.quote(id.column));
            List<Object> chunkIds = DirectStatement.run(h, statementSql, statement -> {
                int index = 0;
                for (T e : chunk) {
                    for (PropertyInfo p : properties) {
                        Object value = p.toDatabase(p.get(e));
                        index++;
                        if (value == null) {
                            dialect.bindNull(statement, index, p.type);
                        } else {
                            dialect.bind(statement, index, p.type, value);
                        }
                    }
                }
                List<Object> got = new ArrayList<>(chunk.size());
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        got.add(dialect.read(rs, 1, id.type));
                    }
                }
                return got;
            });
            if (chunkIds.size() != chunk.size()) {
                throw new IllegalStateException("Batch insert into " + info.table + " returned " + chunkIds.size()
                        + " generated ids for " + chunk.size() + " rows.");
            }
            chunkIds.sort((x, y) -> Long.compare(((Number) x).longValue(), ((Number) y).longValue()));
            ids.addAll(chunkIds);
        }
        return ids;
    }

    /** Binds properties by the dialect's codecs, like {@link ValueArgument}, for {@link DirectStatement}. */
    private void bind(PreparedStatement statement, T entity, List<PropertyInfo> properties) throws SQLException {
        for (int i = 0; i < properties.size(); i++) {
            PropertyInfo p = properties.get(i);
            Object value = p.toDatabase(p.get(entity));
            if (value == null) {
                dialect.bindNull(statement, i + 1, p.type);
            } else {
                dialect.bind(statement, i + 1, p.type, value);
            }
        }
    }

    private ValueArgument idArgument(Object idValue) {
        return new ValueArgument(dialect, id.type, idValue);
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
