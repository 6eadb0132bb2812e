package io.dataport;

import io.dataport.internal.DirectStatement;
import io.dataport.internal.HandleAccess;
import org.jdbi.v3.core.Handle;

import java.util.function.Function;

/**
 * Where a repository from {@link Database#repository} runs: in the transaction open on the calling thread, or
 * else in one of its own (reads read-only, on SQLite's reader pool; writes read-write, retried on conflict).
 */
final class DatabaseHandles implements HandleAccess {
    private final Database db;

    DatabaseHandles(Database db) {
        this.db = db;
    }

    @Override
    public <R> R read(Function<Handle, R> work) {
        return db.inReadOnlyTransaction(s -> work.apply(s.handle()));
    }

    @Override
    public <R> R readOneStatement(String sql, DirectStatement.Work<R> work) {
        return db.readOneStatement(sql, work);
    }

    @Override
    public <R> R write(Function<Handle, R> work) {
        return db.inTransaction(s -> work.apply(s.handle()));
    }

    @Override
    public <R> R writeOneStatement(String sql, DirectStatement.Work<R> work) {
        return db.writeOneStatement(sql, work);
    }

    @Override
    public StreamHandle openStream() {
        return db.openStream();
    }
}
