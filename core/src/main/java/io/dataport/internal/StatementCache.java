package io.dataport.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prepared statements kept open on one physical connection between sessions, by SQL.
 *
 * <p>Why: on SQLite preparing a statement costs more than running a lookup by primary key, so a layer that
 * prepares on every call runs at a third of what JDBC with reused statements reaches (see the benchmarks).
 * Only backends whose connections keep their statements between sessions use it (SQLite: the same connection
 * objects come back; HikariCP closes statements when a connection goes back, and pgjdbc caches on its own).
 *
 * <p>A statement is checked out while in use and back in the cache once Jdbi closes it, so the same SQL used
 * twice at once (a query inside the iteration of its own results) gets a second statement. At most
 * {@link #CAPACITY} statements are kept; the least recently used one is closed. Schema changes need nothing
 * here: SQLite prepares a statement again by itself when the schema changed under it. Used by one session (one
 * thread) at a time, like its connection (the locks are uncontended; they guard the close at shutdown).
 */
final class StatementCache {
    static final int CAPACITY = 64;

    private final Map<String, PreparedStatement> idle = new LinkedHashMap<>(16, 0.75f, true) {
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
    private final Map<PreparedStatement, String> busy = new java.util.IdentityHashMap<>();

    /** Takes the idle statement for {@code key}, or returns null when there is none (the caller prepares one). */
    synchronized PreparedStatement take(String key) throws SQLException {
        PreparedStatement statement = idle.remove(key);
        if (statement != null && statement.isClosed()) {
            statement = null;
        }
        return statement;
    }

    /** Marks a statement the caller prepared for {@code key} as in use, to be kept when it is given back. */
    synchronized void lend(String key, PreparedStatement statement) {
        busy.put(statement, key);
    }

    /**
     * Gives a statement back: kept for the next use of its SQL with its parameters and batch cleared, or closed
     * when another statement for the same SQL is already kept. Returns false for a statement this cache never
     * lent (the caller closes it).
     */
    synchronized boolean giveBack(PreparedStatement statement) throws SQLException {
        String key = busy.remove(statement);
        if (key == null) {
            return false;
        }
        if (statement.isClosed()) {
            return true;
        }
        if (idle.containsKey(key)) {
            statement.close();
            return true;
        }
        try {
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
            statement.close();
            return true;
        }
        idle.put(key, statement);
        return true;
    }

    /**
     * Closes the statements still handed out when their session ends (a stream left open): they are not kept,
     * and a later give-back of one of them only closes it again.
     */
    synchronized void closeBusy() {
        if (busy.isEmpty()) {
            return;
        }
        busy.keySet().forEach(StatementCache::closeQuietly);
        busy.clear();
    }

    /** Closes every statement this cache keeps (those in use close when their users give them back). */
    synchronized void clear() {
        for (Iterator<PreparedStatement> it = idle.values().iterator(); it.hasNext(); ) {
            closeQuietly(it.next());
            it.remove();
        }
    }

    synchronized int size() {
        return idle.size();
    }

    private static void closeQuietly(PreparedStatement statement) {
        try {
            statement.close();
        } catch (SQLException e) {
            // The statement goes either way; the connection reports real trouble on its next use.
        }
    }

    /**
     * The caches of one Database, one per physical connection. Entries go when their connection is found
     * closed; {@link #closeAll()} closes every kept statement before the Database closes its connections.
     */
    static final class PerConnection {
        private final Map<Connection, StatementCache> caches = new ConcurrentHashMap<>();

        /** The cache of a connection, made on its first use. */
        StatementCache of(Connection connection) {
            StatementCache cache = caches.get(connection);
            if (cache == null) {
                cache = caches.computeIfAbsent(connection, c -> new StatementCache());
                dropClosed();
            }
            return cache;
        }

        /** Closes the statements of every connection and forgets them: the Database is closing. */
        void closeAll() {
            for (StatementCache cache : caches.values()) {
                cache.clear();
            }
            caches.clear();
        }

        private void dropClosed() {
            List<Connection> closed = new ArrayList<>();
            for (Connection c : caches.keySet()) {
                try {
                    if (c.isClosed()) {
                        closed.add(c);
                    }
                } catch (SQLException e) {
                    closed.add(c);
                }
            }
            closed.forEach(caches::remove);
        }
    }
}
