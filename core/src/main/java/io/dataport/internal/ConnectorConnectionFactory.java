package io.dataport.internal;

import io.dataport.spi.Access;
import io.dataport.spi.Connector;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Jdbi's source of connections for one Database: borrows from the backend's {@link Connector} with the access
 * the caller asked for (read-write unless {@link #open} said otherwise), and binds a fresh {@link TxState} to
 * each handle.
 */
public final class ConnectorConnectionFactory implements ConnectionFactory {
    private static final ThreadLocal<Access> NEXT_ACCESS = new ThreadLocal<>();

    private final Connector connector;

    private ConnectorConnectionFactory(Connector connector) {
        this.connector = connector;
    }

    /** Creates the Jdbi of one Database, wired to its connector. */
    public static Jdbi createJdbi(Connector connector, boolean showParameterValues) {
        Jdbi jdbi = Jdbi.create(new ConnectorConnectionFactory(connector));
        StatementHooks hooks = new StatementHooks();
        jdbi.getConfig(org.jdbi.v3.core.statement.SqlStatements.class)
                .addCustomizer(hooks)
                .addExceptionHandler(hooks)
                // A stream or iterator the application left open is closed with its session, before the
                // connection goes back to the pool: an open SQLite statement would pin its WAL snapshot.
                .setAttachAllStatementsForCleanup(true);
        if (connector.reusesStatements()) {
            StatementCache.PerConnection caches = new StatementCache.PerConnection();
            jdbi.getConfig(KeptStatements.class).caches = caches;
            jdbi.setStatementBuilderFactory(connection -> new GuardedStatementBuilder(caches.of(connection)));
        } else {
            jdbi.setStatementBuilderFactory(connection -> new GuardedStatementBuilder());
        }
        jdbi.setTransactionHandler(new SessionTransactionHandler(connector, showParameterValues));
        jdbi.installPlugin(new org.jdbi.v3.sqlobject.SqlObjectPlugin());
        connector.customize(jdbi);
        return jdbi;
    }

    /** Closes the prepared statements kept on the connections of this Jdbi: call before closing them. */
    public static void closeKeptStatements(Jdbi jdbi) {
        StatementCache.PerConnection caches = jdbi.getConfig(KeptStatements.class).caches;
        if (caches != null) {
            caches.closeAll();
        }
    }

    /** Where a Database's Jdbi holds its statement caches; copies (handles, statements) share them. */
    public static final class KeptStatements implements org.jdbi.v3.core.config.JdbiConfig<KeptStatements> {
        private StatementCache.PerConnection caches;

        public KeptStatements() {
        }

        /** The caches, or null when the backend keeps no statements. */
        StatementCache.PerConnection caches() {
            return caches;
        }

        @Override
        public KeptStatements createCopy() {
            KeptStatements copy = new KeptStatements();
            copy.caches = caches;
            return copy;
        }
    }

    /** Opens a handle on a connection of the given access. */
    public static Handle open(Jdbi jdbi, Access access) {
        NEXT_ACCESS.set(access);
        try {
            return jdbi.open();
        } finally {
            NEXT_ACCESS.remove();
        }
    }

    @Override
    public Connection openConnection() throws SQLException {
        Access access = NEXT_ACCESS.get();
        try {
            return connector.acquire(access == null ? Access.READ_WRITE : access);
        } catch (SQLException e) {
            throw Errors.translate(e, null, null, connector);
        }
    }

    @Override
    public void closeConnection(Connection connection) throws SQLException {
        connector.release(connection);
    }
}
