package io.dataport.internal.session;

import io.dataport.CrudRepository;
import io.dataport.Database;
import io.dataport.Row;
import io.dataport.Session;
import io.dataport.internal.repository.Repositories;
import io.dataport.internal.repository.SessionAccess;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link Session} Dataport hands to callbacks: a {@link SessionState} (the borrowed connection and its
 * transaction) and, opened on first use, a Jdbi handle on that connection. Repository calls need no handle.
 */
final class DataportSession implements Session {
    private final Database database;
    private final Jdbi jdbi;
    private final Repositories repositories;
    private final SessionState state;
    private Handle handle;

    DataportSession(Database database, Jdbi jdbi, Repositories repositories, SessionState state) {
        this.database = database;
        this.jdbi = jdbi;
        this.repositories = repositories;
        this.state = state;
    }

    SessionState state() {
        return state;
    }

    @Override
    public int execute(String sql, Object... args) {
        return handle().execute(sql, args);
    }

    @Override
    public List<Row> query(String sql, Object... args) {
        Query query = handle().createQuery(sql);
        for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
        }
        return query.scanResultSet((results, ctx) -> {
            ResultSet rs = results.get();
            PortableRow.Columns columns = PortableRow.Columns.of(rs.getMetaData());
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(PortableRow.read(rs, columns, repositories.codec()));
            }
            return rows;
        });
    }

    @Override
    public <T> List<T> query(Class<T> entityType, String sql, Object... args) {
        Query query = handle().createQuery(sql);
        for (int i = 0; i < args.length; i++) {
            query.bind(i, args[i]);
        }
        return query.mapTo(entityType).list();
    }

    @Override
    public Handle handle() {
        state.checkUsable();
        if (handle == null) {
            handle = JdbiSetup.open(jdbi, state);
        }
        return handle;
    }

    @Override
    public <S> S attach(Class<S> sqlObjectType) {
        return handle().attach(sqlObjectType);
    }

    @Override
    public <T, ID> CrudRepository<T, ID> repository(Class<T> entityType) {
        state.checkUsable();
        return repositories.repository(entityType, new SessionAccess(state));
    }

    @Override
    public boolean isInTransaction() {
        state.checkUsable();
        return state.isInTransaction();
    }

    @Override
    public boolean isReadOnly() {
        state.checkUsable();
        return state.isReadOnly();
    }

    @Override
    public Database database() {
        return database;
    }

    /** Closes the Jdbi handle, if one was opened: the statements the application left open close with it. */
    void closeHandle() {
        if (handle != null) {
            handle.close();
        }
    }

    @Override
    public String toString() {
        return "Session[" + database + (state.isInTransaction() ? ", in transaction" : "") + "]";
    }
}
