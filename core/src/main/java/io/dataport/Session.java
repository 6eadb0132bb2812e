package io.dataport;

import io.dataport.internal.EntityInfo;
import io.dataport.internal.EntityRepository;
import io.dataport.internal.TxState;
import org.jdbi.v3.core.Handle;

import java.util.Objects;

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
 * another thread, or after the callback returned, fails at once with {@link IllegalStateException}. The
 * {@link Database} opens and closes sessions; applications never do.
 */
public final class Session {
    private final Database database;
    private final Handle handle;
    private final TxState state;

    Session(Database database, Handle handle, TxState state) {
        this.database = database;
        this.handle = handle;
        this.state = state;
    }

    /**
     * Runs one SQL statement with positional {@code ?} arguments and returns how many rows it changed.
     *
     * <pre>{@code int changed = session.execute("update account set balance = balance - ? where id = ?", 10, 7);}</pre>
     */
    public int execute(String sql, Object... args) {
        state.checkUsable();
        return handle.execute(sql, args);
    }

    /**
     * The Jdbi {@link Handle} of this session, for queries, batches and mapping. It follows the session's rules:
     * same thread, same transaction, closed with the session.
     */
    public Handle handle() {
        state.checkUsable();
        return handle;
    }

    /**
     * A Jdbi SqlObject implementation of {@code sqlObjectType} bound to this session's connection and
     * transaction.
     *
     * <pre>{@code UserDao dao = session.attach(UserDao.class);}</pre>
     */
    public <S> S attach(Class<S> sqlObjectType) {
        state.checkUsable();
        return handle.attach(sqlObjectType);
    }

    /**
     * The repository of an entity type, working in this session (and its transaction).
     *
     * <pre>{@code db.useTransaction(s -> s.repository(User.class).deleteById(7L));}</pre>
     */
    public <T, ID> CrudRepository<T, ID> repository(Class<T> entityType) {
        state.checkUsable();
        return new EntityRepository<>(EntityInfo.of(Objects.requireNonNull(entityType, "entityType")),
                database.connector().dialect(), new SessionHandles(this));
    }

    /** Whether a transaction is open on this session. */
    public boolean isInTransaction() {
        state.checkUsable();
        return state.isInTransaction();
    }

    /** Whether the open transaction (or the session's connection) is read-only. */
    public boolean isReadOnly() {
        state.checkUsable();
        return state.isReadOnly();
    }

    /** The database this session belongs to. */
    public Database database() {
        return database;
    }

    TxState state() {
        return state;
    }

    Handle rawHandle() {
        return handle;
    }
}
