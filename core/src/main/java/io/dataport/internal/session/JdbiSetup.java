package io.dataport.internal.session;

import io.dataport.TransactionIsolation;
import io.dataport.internal.entity.EntityRowMapperFactory;
import io.dataport.internal.entity.JdbiValues;
import io.dataport.internal.statement.CachingStatementBuilder;
import io.dataport.internal.statement.StatementHooks;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.spi.Access;
import io.dataport.spi.Connector;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.SqlStatements;
import org.jdbi.v3.sqlobject.SqlObjectPlugin;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Jdbi of one Database, wired to Dataport's rules: its handles run on the connection of a Dataport
 * session, every statement goes through the {@link StatementRunner}'s hooks, transactions through the
 * session's state, and the backend's codec binds and reads the portable types.
 */
public final class JdbiSetup {
    private JdbiSetup() {
    }

    /** Creates the Jdbi of one Database; its transactions that ask for no level run at {@code isolation}. */
    public static Jdbi create(Connector connector, StatementRunner statements, boolean readOnlyDatabase,
                              TransactionIsolation isolation, TransactionLog transactions) {
        Jdbi jdbi = Jdbi.create(new SessionConnections(connector, readOnlyDatabase, isolation, transactions));
        StatementHooks hooks = new StatementHooks(statements);
        jdbi.getConfig(SqlStatements.class)
                .addCustomizer(hooks)
                .addExceptionHandler(hooks)
                // A stream or iterator the application left open is closed with its session, before the
                // connection goes back to the pool: an open SQLite statement would pin its WAL snapshot.
                .setAttachAllStatementsForCleanup(true);
        jdbi.setStatementBuilderFactory(connection ->
                new CachingStatementBuilder(statements, connector.statementCache(connection)));
        jdbi.setTransactionHandler(new JdbiTransactionHandler(statements.errors()));
        jdbi.installPlugin(new SqlObjectPlugin());
        jdbi.registerArgument(JdbiValues.arguments(connector.codec()));
        jdbi.registerColumnMapper(JdbiValues.columnMappers(connector.codec()));
        jdbi.registerRowMapper(new EntityRowMapperFactory(connector.codec()));
        connector.customize(jdbi);
        return jdbi;
    }

    /** Opens a Jdbi handle on a session's connection; closing the handle leaves the connection to the session. */
    static Handle open(Jdbi jdbi, SessionState state) {
        return JdbiTransactionHandler.opening(state, jdbi::open);
    }

    /**
     * Jdbi's source of connections: the connection of the session opening a handle, or, for a handle the
     * application opens from {@code db.jdbi()} itself, a read-write connection borrowed for that handle.
     */
    private static final class SessionConnections implements ConnectionFactory {
        private final Connector connector;
        private final boolean readOnlyDatabase;
        private final TransactionIsolation isolation;
        private final TransactionLog transactions;
        private final Map<Connection, SessionState> ownHandles = new ConcurrentHashMap<>();

        SessionConnections(Connector connector, boolean readOnlyDatabase, TransactionIsolation isolation,
                           TransactionLog transactions) {
            this.connector = connector;
            this.transactions = transactions;
            this.readOnlyDatabase = readOnlyDatabase;
            this.isolation = isolation;
        }

        @Override
        public Connection openConnection() throws SQLException {
            if (JdbiTransactionHandler.isOpening()) {
                return JdbiTransactionHandler.openingConnection();
            }
            SessionState state = SessionState.acquire(connector, Access.READ_WRITE, readOnlyDatabase, isolation,
                    transactions);
            ownHandles.put(state.connection(), state);
            JdbiTransactionHandler.bindNext(state);
            return state.connection();
        }

        @Override
        public void closeConnection(Connection connection) throws SQLException {
            SessionState own = ownHandles.remove(connection);
            if (own != null) {
                own.release();
            }
        }
    }
}
