package io.dataport;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Create, read, update and delete for one entity type, the same on every backend.
 *
 * <pre>{@code
 * record User(@Id Long id, String name, @Column(unique = true) String email) {}
 *
 * db.schema().create(User.class);
 * CrudRepository<User, Long> users = db.repository(User.class);
 * User ada = users.insert(new User(null, "Ada", "ada@example.com"));      // id filled in
 * Optional<User> found = users.findById(ada.id());
 * Page<User> page = users.findAll(PageRequest.of(0, 20, Sort.by("name")));
 * }</pre>
 *
 * <p>A repository from {@link Database#repository(Class)} is thread-safe: each call joins the transaction open
 * on the calling thread, if any, or else runs in a transaction of its own (reads read-only, on SQLite's
 * concurrent reader pool; writes read-write, retried on conflict). A repository from
 * {@link Session#repository(Class)} works in that session, on its thread. Repositories are cheap: the mapping of
 * an entity class and its SQL are computed once and shared.
 *
 * <p>Values: see {@link io.dataport.spi.ColumnType} for the supported property types. Temporal values keep
 * microseconds (finer digits are truncated); an {@code OffsetDateTime} is stored as its instant and read back at
 * UTC. Sorting compares text by Unicode code point and puts nulls last (ascending) on every backend.
 *
 * @param <T>  the entity type
 * @param <ID> the type of its {@link io.dataport.mapping.Id}
 */
public interface CrudRepository<T, ID> {

    /**
     * Inserts the entity and returns it with its generated id filled in: a copy for a record, the same instance
     * for a class. A {@code Long}/{@code Integer} id that is null is generated; any other id must be set. The
     * {@code @Version}, if any, is stored as it is (0 for a new entity).
     *
     * @param entity the entity to insert
     * @return the entity with its id
     * @throws DuplicateKeyException when the id or a unique column is taken
     */
    T insert(T entity);

    /**
     * Inserts all entities in one JDBC batch, in one transaction, and returns them with their ids filled in, in
     * order. (Entities mixing given and null ids are inserted one statement each, in one transaction.)
     *
     * @param entities the entities to insert
     * @return the entities with their ids, in the order given
     */
    List<T> insertAll(Iterable<T> entities);

    /**
     * Updates the row with the entity's id and returns the entity as stored (new version).
     *
     * @param entity the entity to update
     * @return the entity as stored, with its new {@code @Version}
     * @throws EntityNotFoundException  when no row has that id
     * @throws OptimisticLockException when the entity's {@code @Version} is stale
     */
    T update(T entity);

    /**
     * Inserts the entity when its id is null, else updates it.
     *
     * @param entity the entity to insert or update
     * @return the entity as stored, as {@link #insert} or {@link #update} returns it
     */
    T save(T entity);

    /**
     * Inserts the entity, or updates the row with the same id: one {@code INSERT ... ON CONFLICT (id) DO UPDATE}
     * statement on every backend. The {@code @Version} is not checked: a new row keeps the entity's, an updated
     * row's is incremented, and the result carries it. An entity with a null generated id is inserted.
     *
     * @param entity the entity to insert or update
     * @return the entity as stored
     */
    T upsert(T entity);

    /**
     * Finds the entity with this id.
     *
     * @param id the id to look for
     * @return the entity, or empty when no row has this id
     */
    Optional<T> findById(ID id);

    /**
     * Finds the entities with these ids.
     *
     * @param ids the ids to look for
     * @return the entities in the order of the ids; missing ids are left out
     */
    List<T> findAllById(Iterable<ID> ids);

    /** {@return every entity, ordered by id} */
    List<T> findAll();

    /**
     * Reads one page of entities, in the request's order made total by the id.
     *
     * @param request which page, its size and its order
     * @return the page, with the totals a pager needs
     */
    Page<T> findAll(PageRequest request);

    /**
     * Every entity, ordered by id, read in chunks as the stream is consumed: for tables too large for memory.
     * Outside a transaction the stream holds a read-only transaction and its connection of its own until it is
     * closed, so always close it (try-with-resources). It is confined to the thread that opened it; inside a
     * transaction it reads in that transaction.
     *
     * <pre>{@code try (Stream<User> all = users.stream()) { all.forEach(exporter::write); }}</pre>
     *
     * @return the entities, to be closed after use
     */
    Stream<T> stream();

    /** {@return how many rows the table has} */
    long count();

    /**
     * Tells whether a row has this id.
     *
     * @param id the id to look for
     * @return whether a row has it
     */
    boolean existsById(ID id);

    /**
     * Deletes the row with this id.
     *
     * @param id the id of the row to delete
     * @return whether a row went
     */
    boolean deleteById(ID id);

    /**
     * Deletes the entity's row, checking its {@code @Version}, if any.
     *
     * @param entity the entity whose row to delete
     * @return whether a row went
     */
    boolean delete(T entity);

    /**
     * Deletes every row.
     *
     * @return how many rows went
     */
    long deleteAll();

    /**
     * The entities that match a condition, ordered by id.
     *
     * <pre>{@code List<Post> mine = posts.findAll(where("userId").eq(7L));}</pre>
     *
     * @param condition the condition ({@link Condition#where})
     * @return the matching entities
     * @throws InvalidQueryException for an unknown property or a value of the wrong type, before any SQL runs
     */
    List<T> findAll(Condition condition);

    /**
     * The entities that match a condition, in an order made total by the id.
     *
     * @param condition the condition
     * @param sort      the order
     * @return the matching entities
     */
    List<T> findAll(Condition condition, Sort sort);

    /**
     * One page of the entities that match a condition, in the request's order made total by the id.
     *
     * <pre>{@code posts.findAll(where("userId").eq(7L), PageRequest.of(0, 20, Sort.parse("-createdAt")))}</pre>
     *
     * @param condition the condition
     * @param request   which page, its size and its order
     * @return the page, with the totals of the matching rows
     */
    Page<T> findAll(Condition condition, PageRequest request);

    /**
     * The one entity that matches a condition, if any.
     *
     * @param condition the condition, which at most one row may match (a unique property, say)
     * @return the entity, or empty
     * @throws InvalidQueryException when more than one row matches; use {@link #findFirst} for "any one of them"
     */
    Optional<T> findOne(Condition condition);

    /**
     * The first entity, in an order, that matches a condition.
     *
     * <pre>{@code Optional<Post> latest = posts.findFirst(where("userId").eq(7L), Sort.parse("-createdAt"));}</pre>
     *
     * @param condition the condition
     * @param sort      the order (made total by the id)
     * @return the first entity, or empty when none matches
     */
    Optional<T> findFirst(Condition condition, Sort sort);

    /**
     * How many rows match a condition.
     *
     * @param condition the condition
     * @return the count
     */
    long count(Condition condition);

    /**
     * Whether a row matches a condition.
     *
     * @param condition the condition
     * @return whether one does
     */
    boolean exists(Condition condition);

    /**
     * Deletes the rows that match a condition (without checking any {@code @Version}).
     *
     * @param condition the condition
     * @return how many rows went
     */
    long deleteAll(Condition condition);
}
