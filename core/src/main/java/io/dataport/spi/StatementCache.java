package io.dataport.spi;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The prepared statements kept open on one physical connection between sessions, by key (the SQL, and how
 * generated keys are returned). A {@link Connector} whose connections keep their statements when they go back
 * to it (SQLite) makes one per connection and returns it from {@link Connector#statementCache}; core prepares
 * every statement of that connection through it, and the connector may keep its own transaction statements
 * ({@code BEGIN}, {@code COMMIT}) in it too, so that there is one cache per connection.
 *
 * <p>Why: on SQLite preparing a statement costs more than running a lookup by primary key, so a layer that
 * prepares on every call runs at a third of what JDBC with reused statements reaches (see the benchmarks).
 *
 * <p>A statement is borrowed while in use and kept again once given back, so the same SQL used twice at once (a
 * query inside the iteration of its own results) gets a second statement. At most {@link #CAPACITY}
 * statements are kept; the least recently used one is closed. SQLite prepares a kept statement again by itself
 * when the schema changed under it. Used by one session (one thread) at a time, like its connection; the locks
 * are uncontended and guard the close at shutdown.
 */
public final class StatementCache {
    /** How many idle statements one connection keeps at most. */
    public static final int CAPACITY = 64;

    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, PreparedStatement> eldest) {
            if (size() <= CAPACITY) {
                return false;
            }
            closeQuietly(eldest.getValue());
            return true;
        }
    };
    /** Statements handed out, with the key they go back under. */
    private final Map<PreparedStatement, String> busy = new IdentityHashMap<>();

    /** Prepares a statement on the cache's connection when none is kept for a key. */
    @FunctionalInterface
    public interface Preparer {
        /**
         * Prepares the statement.
         *
         * @return the new statement
         * @throws SQLException when preparing fails
         */
        PreparedStatement prepare() throws SQLException;
    }

    /** Makes an empty cache. */
    public StatementCache() {
    }

    /**
     * The statement kept for {@code key}, or a new one from {@code preparer}, lent until {@link #giveBack}.
     *
     * @param key      the SQL, and how generated keys are returned
     * @param preparer prepares a statement when none is kept for {@code key}
     * @return the statement, to be given back after use
     * @throws SQLException when preparing fails
     */
    public PreparedStatement borrow(String key, Preparer preparer) throws SQLException {
        PreparedStatement statement;
        synchronized (this) {
            statement = idle.remove(key);
        }
        if (statement == null || statement.isClosed()) {
            statement = preparer.prepare();
        }
        synchronized (this) {
            busy.put(statement, key);
        }
        return statement;
    }

    /**
     * Gives a borrowed statement back: kept for the next use of its key with its parameters and batch cleared,
     * or closed when another statement for the same key is already kept. Returns false for a statement this
     * cache never lent (the caller closes it).
     *
     * @param statement a statement from {@link #borrow}
     * @return whether this cache lent the statement
     */
    public synchronized boolean giveBack(PreparedStatement statement) {
        return giveBack(statement, true);
    }

    /**
     * Gives back a borrowed statement that was executed as it was prepared: no parameters bound, no batch,
     * fetch size, row limit or timeout set (a connector's {@code BEGIN} and {@code COMMIT}). Skips the resets
     * {@link #giveBack(PreparedStatement)} makes: each is a driver call, and a connector runs two such
     * statements per transaction, under SQLite's one writer.
     *
     * @param statement the statement
     * @return false for a statement this cache never lent (the caller closes it)
     */
    public synchronized boolean giveBackUnchanged(PreparedStatement statement) {
        return giveBack(statement, false);
    }

    private boolean giveBack(PreparedStatement statement, boolean reset) {
        String key = busy.remove(statement);
        if (key == null) {
            return false;
        }
        try {
            if (statement.isClosed()) {
                return true;
            }
            if (idle.containsKey(key)) {
                statement.close();
                return true;
            }
            if (!reset) {
                idle.put(key, statement);
                return true;
            }
            statement.clearParameters();
            statement.clearBatch();
            if (statement.getFetchSize() != 0) {
                statement.setFetchSize(0);
            }
            if (statement.getMaxRows() != 0) {
                statement.setMaxRows(0);
            }
            if (statement.getQueryTimeout() != 0) {
                statement.setQueryTimeout(0);
            }
        } catch (SQLException e) {
            closeQuietly(statement);
            return true;
        }
        idle.put(key, statement);
        return true;
    }

    /**
     * Closes the statements still lent when their session ends (a stream left open): they are not kept, and a
     * later give-back of one of them only closes it again.
     */
    public synchronized void closeBorrowed() {
        if (busy.isEmpty()) {
            return;
        }
        busy.keySet().forEach(StatementCache::closeQuietly);
        busy.clear();
    }

    /**
     * Closes the idle statements, leaving those lent; the connection prepares them again on demand. For a
     * backend whose driver keeps something of a statement open between its uses (sqlite-jdbc keeps the generated
     * keys of an insert open, which SQLite counts as a running statement).
     */
    public synchronized void closeIdle() {
        for (Iterator<PreparedStatement> it = idle.values().iterator(); it.hasNext(); ) {
            closeQuietly(it.next());
            it.remove();
        }
    }

    /** Closes every statement this cache keeps, and those lent: its connection is closing. */
    public synchronized void close() {
        closeIdle();
        closeBorrowed();
    }

    /**
     * How many idle statements are kept.
     *
     * @return the number of idle statements
     */
    public synchronized int size() {
        return idle.size();
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // The statement goes either way; the connection reports real trouble on its next use.
        }
    }
}
