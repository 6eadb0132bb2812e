package io.dataport;

import org.jdbi.v3.core.Handle;

import java.util.List;

/**
 * One unit of work on one connection: the argument of {@link Database#inTransaction} and
 * {@link Database#withSession}.
 *
 * <pre>{@code
 * db.useTransaction(session -> {
 *     session.execute("insert into account(id, balance) values (?, ?)", 7, 100);
 *     int balance = session.handle().createQuery("select balance from account where id = ?")
 *                          .bind(0, 7).mapTo(int.class).one();
 * });
 * }</pre>
 *
 * <p>A session belongs to the thread that opened it and lives only as long as its callback: using it from
 * another thread, or after the callback returned, fails at once with {@link SessionMisuseException}. The
 * {@link Database} opens and closes sessions; applications never implement or close them.
 */
public interface Session {

    /**
     * Runs one SQL statement with positional {@code ?} arguments and returns how many rows it changed.
     *
     * <pre>{@code int changed = session.execute("update account set balance = balance - ? where id = ?", 10, 7);}</pre>
     *
     * @param sql  the statement
     * @param args the values of its {@code ?} parameters, in order
     * @return the number of rows changed
     */
    int execute(String sql, Object... args);

    /**
     * Runs a query of the application's own and reads every row, each column readable by name with typed getters
     * that give the same Java value on every backend ({@link Row}).
     *
     * <pre>{@code List<Row> rows = session.query("select id, email from users where created_at > ?", since);}</pre>
     *
     * @param sql  the query
     * @param args the values of its {@code ?} parameters, in order
     * @return the rows
     */
    List<Row> query(String sql, Object... args);

    /**
     * Runs a query of the application's own and maps each row to an entity by column name (columns named as the
     * entity's; a property without a column keeps its default).
     *
     * <pre>{@code List<Post> recent = session.query(Post.class, "select * from posts order by created_at desc limit 5");}</pre>
     *
     * @param entityType the entity class
     * @param sql        the query
     * @param args       the values of its {@code ?} parameters, in order
     * @param <T>        the entity type
     * @return the entities
     */
    <T> List<T> query(Class<T> entityType, String sql, Object... args);

    /**
     * The Jdbi {@link Handle} of this session, for queries, batches and mapping. It follows the session's rules:
     * same thread, same transaction, closed with the session. Opened on first use.
     *
     * @return the handle
     */
    Handle handle();

    /**
     * A Jdbi SqlObject implementation of {@code sqlObjectType} bound to this session's connection and
     * transaction.
     *
     * <pre>{@code UserDao dao = session.attach(UserDao.class);}</pre>
     *
     * @param sqlObjectType the SqlObject interface
     * @param <S>           its type
     * @return the implementation
     */
    <S> S attach(Class<S> sqlObjectType);

    /**
     * The repository of an entity type, working in this session (and its transaction).
     *
     * <pre>{@code db.useTransaction(s -> s.repository(User.class).deleteById(7L));}</pre>
     *
     * @param entityType the entity class
     * @param <T>        the entity type
     * @param <ID>       its id type
     * @return the repository
     */
    <T, ID> CrudRepository<T, ID> repository(Class<T> entityType);

    /**
     * Whether a transaction is open on this session.
     *
     * @return true inside a transaction
     */
    boolean isInTransaction();

    /**
     * Whether the open transaction (or the session's connection) is read-only.
     *
     * @return true when writes are refused
     */
    boolean isReadOnly();

    /**
     * The database this session belongs to.
     *
     * @return the database
     */
    Database database();
}
