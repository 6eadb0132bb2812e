package io.dataport.hikari;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.dataport.DatabaseConfig;
import io.dataport.TransactionIsolation;
import io.dataport.spi.NoConnectionFreeException;
import io.dataport.spi.PoolState;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The connections of one server backend's Database: a HikariCP pool with Dataport's rules, the same for every
 * server backend. Auto-commit on; the database's default isolation as each connection's session default; the
 * pool starts without a connection (a server down now may be up for the first transaction); the connection setup
 * the backend gives runs once per physical connection. While the pool holds no connection (the server is down,
 * unreachable or refuses the login), {@link #acquire()} makes one connection of the caller's own, bounded by the
 * driver's connect timeout, and fails at once with its reason instead of waiting the whole connection timeout.
 *
 * <pre>{@code
 * pool = ServerPool.start("PostgreSQL", config, DEFAULT_POOL_SIZE, jdbcUrl, user, password, properties,
 *         "SET TIME ZONE 'UTC'", this::connectDirectly);
 * }</pre>
 */
public final class ServerPool implements AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Opens one connection outside the pool, with the pool's settings, bounded by the driver's connect timeout. */
    @FunctionalInterface
    public interface DirectConnect {
        /**
         * Opens the connection.
         *
         * @return the connection, for the caller to close
         * @throws SQLException when the driver fails
         */
        Connection open() throws SQLException;
    }

    private final String displayName;
    private final Duration connectionTimeout;
    private final int size;
    private final DirectConnect direct;
    private final HikariDataSource pool;

    private ServerPool(String displayName, Duration connectionTimeout, int size, DirectConnect direct,
                       HikariDataSource pool) {
        this.displayName = displayName;
        this.connectionTimeout = connectionTimeout;
        this.size = size;
        this.direct = direct;
        this.pool = pool;
    }

    /**
     * Starts the pool of one Database.
     *
     * @param displayName     the database's name for messages and the pool's name, e.g. {@code "PostgreSQL"}
     * @param config          the database's settings: pool size, connection timeout, isolation, read-only
     * @param defaultSize     the pool size when the configuration sets none
     * @param jdbcUrl         the driver's URL, without secrets
     * @param user            the user, or null
     * @param password        the password, or null
     * @param properties      the driver's connection properties
     * @param setup           the SQL run once on each new physical connection, or null
     * @param direct          opens a connection outside the pool, for the checks while the pool has none
     * @return the started pool
     */
    public static ServerPool start(String displayName, DatabaseConfig config, int defaultSize, String jdbcUrl,
                                   String user, String password, Map<String, String> properties, String setup,
                                   DirectConnect direct) {
        return start(displayName, config, defaultSize, config.connectionTimeout(), config.isolation(), jdbcUrl, user,
                password, properties, setup, direct);
    }

    /**
     * Starts a pool like {@link #start(String, DatabaseConfig, int, String, String, String, Map, String,
     * DirectConnect)}, waiting at most {@code connectionTimeout} for a connection and at {@code isolation} by
     * default, instead of the database's: a read replica's, whose callers go to the primary rather than wait long,
     * and which refuses some levels (a PostgreSQL hot standby, SERIALIZABLE).
     *
     * @param displayName       the database's name for messages and the pool's name
     * @param config            the database's settings: pool size, isolation, read-only
     * @param defaultSize       the pool size when the configuration sets none
     * @param connectionTimeout the longest wait for a connection, 250 ms or more
     * @param isolation         the connections' default isolation level
     * @param jdbcUrl           the driver's URL, without secrets
     * @param user              the user, or null
     * @param password          the password, or null
     * @param properties        the driver's connection properties
     * @param setup             the SQL run once on each new physical connection, or null
     * @param direct            opens a connection outside the pool, for the checks while the pool has none
     * @return the started pool
     */
    public static ServerPool start(String displayName, DatabaseConfig config, int defaultSize,
                                   Duration connectionTimeout, TransactionIsolation isolation, String jdbcUrl,
                                   String user, String password,
                                   Map<String, String> properties, String setup, DirectConnect direct) {
        int size = config.maxPoolSize() > 0 ? config.maxPoolSize() : defaultSize;
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("dataport-" + displayName.toLowerCase(java.util.Locale.ROOT) + "-"
                + POOLS.incrementAndGet());
        hikari.setJdbcUrl(jdbcUrl);
        if (user != null) {
            hikari.setUsername(user);
        }
        if (password != null) {
            hikari.setPassword(password);
        }
        properties.forEach(hikari::addDataSourceProperty);
        hikari.setMaximumPoolSize(size);
        hikari.setConnectionTimeout(connectionTimeout.toMillis());
        hikari.setAutoCommit(true);
        // The database's default level is each connection's session default: a transaction at that level costs
        // no extra statement. Hikari puts it back on a connection that comes back changed.
        hikari.setTransactionIsolation("TRANSACTION_" + isolation.name());
        // A server that is down now may be up for the first transaction: start the pool without a connection.
        hikari.setInitializationFailTimeout(-1);
        hikari.setReadOnly(config.readOnly());
        if (setup != null) {
            hikari.setConnectionInitSql(setup);
        }
        return new ServerPool(displayName, connectionTimeout, size, direct, new HikariDataSource(hikari));
    }

    /**
     * One connection outside the pool, opened and closed: fails with its reason, as a {@link ConnectFailure},
     * when the server does not let it connect.
     *
     * @throws ConnectFailure when the connection cannot be opened
     */
    public void probe() throws ConnectFailure {
        try {
            direct.open().close();
        } catch (SQLException e) {
            throw new ConnectFailure(e);
        }
    }

    /**
     * A connection from the pool; see the class comment for the wait while the pool holds none.
     *
     * @return the connection, to be closed to give it back
     * @throws SQLException a {@link ConnectFailure} when no connection can be opened, a
     *                      {@link NoConnectionFreeException} when none frees up in time, or the driver's error
     */
    public Connection acquire() throws SQLException {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        if (bean != null && !pool.isClosed() && bean.getTotalConnections() == 0) {
            probe();
        }
        try {
            return pool.getConnection();
        } catch (SQLTransientConnectionException e) {
            for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
                if (cause instanceof SQLException) {
                    // Why the pool could open no connection: refused, timed out, the login.
                    throw new ConnectFailure((SQLException) cause);
                }
            }
            String state = bean == null ? "pool closed"
                    : "total=" + bean.getTotalConnections() + ", active=" + bean.getActiveConnections() + ", idle="
                    + bean.getIdleConnections() + ", waiting=" + bean.getThreadsAwaitingConnection();
            throw new NoConnectionFreeException(displayName + " pool exhausted: no connection free within "
                    + connectionTimeout.toMillis() + " ms (pool size " + size + "; " + state + "). "
                    + "Raise maxPoolSize, shorten transactions, or raise connectionTimeout.", e);
        } catch (SQLException e) {
            if (pool.isClosed()) {
                // Core words the closed-database error; the pool says only that it is gone.
                throw new SQLException("The " + displayName + " pool is closed.", "08003", e);
            }
            // An interrupted wait (HikariCP's SQLException has no SQLSTATE, and it set the flag again) is worded
            // by core, the same for every backend.
            throw e;
        }
    }

    /**
     * The pool's size and, from HikariCP, its connections in use and free.
     *
     * @return the state
     */
    public PoolState state() {
        HikariPoolMXBean bean = pool.getHikariPoolMXBean();
        return bean == null ? new PoolState(size, 0, 0)
                : new PoolState(size, bean.getActiveConnections(), bean.getIdleConnections());
    }

    /**
     * The HikariCP pool itself when {@code type} is one of its types, for its own metrics trackers; else null.
     *
     * @param type the type asked for
     * @param <T>  the type
     * @return the pool, or null
     */
    public <T> T unwrap(Class<T> type) {
        return type.isInstance(pool) ? type.cast(pool) : null;
    }

    /** Closes every connection; connections still borrowed are closed under their users. */
    @Override
    public void close() {
        pool.close();
    }

    /**
     * A failure to open a connection, as opposed to a statement's: what it means can differ (no right on the
     * database is a login problem here, a statement's error later). The message, SQLSTATE and vendor code are
     * the driver's.
     */
    public static final class ConnectFailure extends SQLException {
        private static final long serialVersionUID = 1L;

        /**
         * Wraps the driver's error.
         *
         * @param cause the driver's error
         */
        public ConnectFailure(SQLException cause) {
            super(cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), cause);
        }
    }
}
