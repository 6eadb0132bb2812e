package io.dataport.internal.repository;

import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.entity.PropertyInfo;
import io.dataport.internal.session.SessionState;
import io.dataport.internal.sql.EntitySql;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.spi.ColumnType;
import io.dataport.spi.ValueCodec;

import java.sql.ResultSet;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The rows behind {@code CrudRepository.stream()}: keyset-paged chunks in id order, up to the largest id at the
 * stream's start, one statement per chunk and no result set open between chunks. So a stream sees the same on
 * every backend while its own transaction writes to the table: rows inserted with larger ids are never read
 * (copying each row into the table ends), and each row is read as it stands when the stream reaches it (a row
 * deleted before is not read, a row updated before is read with its new values). When any other statement ran
 * in the session since a chunk was read, the rest of that chunk is read again; the chunk then shrinks to
 * twice the rows used in between (and grows back by doubling), so interleaved work costs at most one small
 * read per row. Memory is one chunk.
 */
final class KeysetCursor<T> implements Iterator<T> {
    private final SessionState state;
    private final StatementRunner statements;
    private final EntitySql sql;
    private final EntityInfo<T> info;
    private final ValueCodec codec;
    private final PropertyInfo id;
    private final int maxChunk;
    private final Object bound;
    private final ArrayDeque<T> chunk;
    private Object lastId;
    private int limit;
    private int usedOfChunk;
    private boolean chunkWasFull;
    private int statementsAtFetch;
    private boolean done;

    /** Reads the bound (the largest id now) at once, in the stream's session. */
    KeysetCursor(SessionState state, StatementRunner statements, EntitySql sql, EntityInfo<T> info, ValueCodec codec,
                 int maxChunk) {
        this.state = state;
        this.statements = statements;
        this.sql = sql;
        this.info = info;
        this.codec = codec;
        this.id = info.id;
        this.maxChunk = maxChunk;
        this.limit = maxChunk;
        this.chunk = new ArrayDeque<>(maxChunk);
        this.bound = statements.run(state, sql.lastId, statement -> {
            statement.bind(1, ColumnType.INT, 1);
            statement.bind(2, ColumnType.LONG, 0L);
            try (ResultSet rs = statement.executeQuery()) {
                return statement.next(rs) ? codec.read(rs, 1, id.type) : null;
            }
        });
        done = bound == null;
        chunkWasFull = true;
    }

    @Override
    public boolean hasNext() {
        if (done) {
            return false;
        }
        state.checkUsable();
        if (!chunk.isEmpty() && state.statementCount() != statementsAtFetch) {
            // Another statement ran in this session: what is left of the chunk may be out of date.
            limit = Math.max(1, Math.min(maxChunk, 2 * usedOfChunk));
            chunk.clear();
            chunkWasFull = true;
        }
        if (chunk.isEmpty()) {
            if (!chunkWasFull) {
                done = true;
                return false;
            }
            fetch();
            if (chunk.isEmpty()) {
                done = true;
                return false;
            }
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        T e = chunk.poll();
        lastId = id.get(e);
        usedOfChunk++;
        return e;
    }

    private void fetch() {
        if (usedOfChunk == limit) {
            limit = Math.min(maxChunk, 2 * limit);
        }
        int rows = limit;
        statements.run(state, lastId == null ? sql.streamFirst : sql.streamNext, statement -> {
            int i = 1;
            if (lastId != null) {
                statement.bind(i++, id.type, lastId);
            }
            statement.bind(i++, id.type, bound);
            statement.bind(i++, ColumnType.INT, rows);
            statement.bind(i, ColumnType.LONG, 0L);
            try (ResultSet rs = statement.executeQuery()) {
                while (statement.next(rs)) {
                    chunk.add(info.read(rs, codec, null));
                }
            }
            return null;
        });
        chunkWasFull = chunk.size() == rows;
        usedOfChunk = 0;
        statementsAtFetch = state.statementCount();
    }
}
