package io.dataport;

import io.dataport.internal.Backends;
import io.dataport.internal.ConnectorConnectionFactory;
import io.dataport.internal.DialectValues;
import io.dataport.internal.DirectStatement;
import io.dataport.internal.EntityInfo;
import io.dataport.internal.EntityRepository;
import io.dataport.internal.EntityRowMapperFactory;
import io.dataport.internal.EntitySchema;
import io.dataport.internal.Errors;
import io.dataport.internal.HandleAccess;
import io.dataport.internal.SessionTransactionHandler;
import io.dataport.internal.Sneaky;
import io.dataport.internal.TxState;
import io.dataport.internal.Urls;
import io.dataport.spi.Access;
import io.dataport.spi.Backend;
import io.dataport.spi.Connector;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.JdbiException;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * A database opened from a URL: the entry point of Dataport. It owns the connection pool and hands out
 * {@link Session}s, each for one callback.
 *
 * <pre>{@code
 * try (Database db = Database.open("sqlite:app.db")) {      // or "postgresql://app:secret@db:5432/app"
 *     db.useTransaction(session -> session.execute("insert into t(x) values (?)", 1));
 *     int n = db.inTransaction(session -> session.handle()
 *             .createQuery("select count(*) from t").mapTo(int.class).one());
 * }
 * }</pre>
 *
 * <p>Thread-safe: share one instance across the application and close it at shutdown. Transactions roll back
 * on any exception and rethrow it; a transaction that conflicts with a concurrent one (serialization failure,
 * deadlock, SQLite busy) is run again, up to {@link Builder#maxAttempts(int)} times. A transaction opened on
 * a thread that already has one open joins it.
 */
public final class Database implements AutoCloseable {
    private final DatabaseConfig config;
    private final Backend backend;
    private final Connector connector;
    private final Jdbi jdbi;
    private final SessionTransactionHandler transactions;
    private final ThreadLocal<Session> current = new ThreadLocal<>();
    private final LongAdder retries = new LongAdder();
    private final HandleAccess handles;
    private volatile boolean closed;

    private Database(DatabaseConfig config, Backend backend, Connector connector) {
        this.config = config;
        this.backend = backend;
        this.connector = connector;
        this.jdbi = ConnectorConnectionFactory.createJdbi(connector, config.showParameterValues());
        this.transactions = (SessionTransactionHandler) jdbi.getTransactionHandler();
        this.jdbi.registerArgument(DialectValues.arguments(connector.dialect()));
        this.jdbi.registerColumnMapper(DialectValues.columnMappers(connector.dialect()));
        this.jdbi.registerRowMapper(new EntityRowMapperFactory(connector.dialect()));
        this.handles = new DatabaseHandles(this);
    }

    /**
     * Opens the database a URL names, with default settings.
     *
     * <pre>{@code Database db = Database.open("sqlite:app.db");}</pre>
     *
     * @param url {@code sqlite:PATH}, {@code jdbc:sqlite:PATH}, {@code sqlite::memory:},
     *            {@code postgresql://user:password@host:5432/db}, {@code postgres://...} or
     *            {@code jdbc:postgresql://...}
     * @throws ConfigurationException for a null, empty or malformed URL, or one no backend on the class path
     *                                accepts
     */
    public static Database open(String url) {
        return builder(url).open();
    }

    /**
     * Starts configuring a database.
     *
     * <pre>{@code Database db = Database.builder(url).maxPoolSize(16).connectionTimeout(Duration.ofSeconds(5)).open();}</pre>
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * Runs {@code callback} in a read-write transaction and returns its result. Commits when it returns, rolls
     * back when it throws (and rethrows), and runs it again when it failed only because it conflicted with a
     * concurrent transaction. Joins the transaction already open on this thread, if any.
     */
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> callback) throws X {
        return transaction(false, null, callback);
    }

    /** Like {@link #inTransaction}, for work that returns nothing. */
    public <X extends Exception> void useTransaction(SessionConsumer<X> callback) throws X {
        transaction(false, null, session -> {
            callback.useSession(session);
            return null;
        });
    }

    /**
     * Like {@link #inTransaction(SessionCallback)}, at an isolation level at least as strict as {@code isolation}.
     * Serialization failures are retried like other conflicts. Joining the transaction already open on this
     * thread keeps that transaction's level.
     *
     * <pre>{@code db.inTransaction(TransactionIsolation.SERIALIZABLE, s -> transfer(s, 1, 2, 10));}</pre>
     */
    public <R, X extends Exception> R inTransaction(TransactionIsolation isolation, SessionCallback<R, X> callback)
            throws X {
        return transaction(false, Objects.requireNonNull(isolation, "isolation"), callback);
    }

    /** Like {@link #inTransaction(TransactionIsolation, SessionCallback)}, for work that returns nothing. */
    public <X extends Exception> void useTransaction(TransactionIsolation isolation, SessionConsumer<X> callback)
            throws X {
        transaction(false, Objects.requireNonNull(isolation, "isolation"), session -> {
            callback.useSession(session);
            return null;
        });
    }

    /**
     * How many times, since this database was opened, a transaction was run again because it conflicted with
     * a concurrent one. A figure for metrics and tests; attempts that gave up count too.
     */
    public long retryCount() {
        return retries.sum();
    }

    /**
     * Runs {@code callback} in a read-only transaction: a write in it fails with {@link ReadOnlyException}. On
     * SQLite it runs on a reader connection, concurrently with the writer and other readers.
     */
    public <R, X extends Exception> R inReadOnlyTransaction(SessionCallback<R, X> callback) throws X {
        return transaction(true, null, callback);
    }

    /** Like {@link #inReadOnlyTransaction}, for work that returns nothing. */
    public <X extends Exception> void useReadOnlyTransaction(SessionConsumer<X> callback) throws X {
        transaction(true, null, session -> {
            callback.useSession(session);
            return null;
        });
    }

    /**
     * Runs {@code callback} with a session outside any transaction: each statement commits on its own. Joins the
     * session already open on this thread, if any. Not retried.
     */
    public <R, X extends Exception> R withSession(SessionCallback<R, X> callback) throws X {
        Session joined = current.get();
        if (joined != null) {
            joined.state().checkUsable();
            return callback.withSession(joined);
        }
        Session session = openSession(Access.READ_WRITE);
        try {
            return callback.withSession(session);
        } catch (Throwable t) {
            throw Sneaky.<X>rethrow(closedUnder(Errors.translateEscaped(t, connector)));
        } finally {
            closeSession(session);
        }
    }

    /** Like {@link #withSession}, for work that returns nothing. */
    public <X extends Exception> void useSession(SessionConsumer<X> callback) throws X {
        withSession(session -> {
            callback.useSession(session);
            return null;
        });
    }

    /**
     * The repository of an entity type. Each call joins the transaction open on the calling thread, if any, or
     * runs in a transaction of its own.
     *
     * <pre>{@code CrudRepository<User, Long> users = db.repository(User.class);}</pre>
     */
    public <T, ID> CrudRepository<T, ID> repository(Class<T> entityType) {
        checkOpen();
        return new EntityRepository<>(EntityInfo.of(Objects.requireNonNull(entityType, "entityType")),
                connector.dialect(), handles);
    }

    /** Creates and drops entity tables in this database's dialect, each call in a transaction of its own. */
    public Schema schema() {
        checkOpen();
        return new EntitySchema(connector.dialect(), handles);
    }

    /** The name of the backend serving this database: {@code "sqlite"} or {@code "postgres"}. */
    public String backend() {
        return backend.name();
    }

    /**
     * Makes one round trip ({@code SELECT 1}) and returns how long it took.
     *
     * @throws ConnectionException when the database cannot be reached
     */
    public Duration ping() {
        return transaction(true, null, session -> {
            long start = System.nanoTime();
            session.handle().createQuery("SELECT 1").mapTo(int.class).one();
            return Duration.ofNanos(System.nanoTime() - start);
        });
    }

    /**
     * The Jdbi instance behind this database: an escape hatch for Jdbi features Dataport does not wrap
     * (registering mappers, plugins). Handles opened from it directly are read-write connections.
     */
    public Jdbi jdbi() {
        checkOpen();
        return jdbi;
    }

    /** The settings this database was opened with. */
    public DatabaseConfig config() {
        return config;
    }

    /** The backend's running connector: for Dataport's own modules. */
    Connector connector() {
        return connector;
    }

    /** Whether {@link #close()} was called. */
    public boolean isClosed() {
        return closed;
    }

    /**
     * Closes every connection. Work still running on other threads fails with {@link ConnectionException}.
     * Calling it again does nothing.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // The connector first: it interrupts running statements, where closing a kept statement would wait for
        // the statement running on its connection to end.
        connector.close();
        ConnectorConnectionFactory.closeKeptStatements(jdbi);
    }

    @Override
    public String toString() {
        return "Database[" + backend.name() + ", " + config.maskedUrl() + (closed ? ", closed" : "") + "]";
    }

    private <R, X extends Exception> R transaction(boolean readOnly, TransactionIsolation isolation,
                                                   SessionCallback<R, X> callback) throws X {
        Session joined = current.get();
        if (joined != null) {
            return joinTransaction(joined, readOnly, callback);
        }
        for (int attempt = 1; ; attempt++) {
            Session session = openSession(readOnly ? Access.READ_ONLY : Access.READ_WRITE);
            Throwable failure;
            try {
                return runTransaction(session, readOnly, isolation, callback);
            } catch (Throwable t) {
                failure = closedUnder(Errors.translateEscaped(t, connector));
            } finally {
                closeSession(session);
            }
            if (failure instanceof ConnectionException && !closed && session.state().commitSent()) {
                throw Sneaky.<X>rethrow(new ConnectionException("Connection lost while committing: the transaction "
                        + "may or may not have been saved. Check before running it again, or make it idempotent.",
                        failure));
            }
            if (failedOnDeadConnection(session, failure) && attempt < config.maxAttempts()) {
                // The pool handed out a connection the server had closed while it was idle; nothing ran.
                retries.increment();
                continue;
            }
            if (!Errors.isConflict(failure, connector)) {
                throw Sneaky.<X>rethrow(failure);
            }
            if (attempt >= config.maxAttempts()) {
                throw gaveUp(attempt, failure);
            }
            retries.increment();
            backoff(attempt, failure);
        }
    }

    private TransactionConflictException gaveUp(int attempt, Throwable failure) {
        return new TransactionConflictException("Transaction gave up after " + attempt
                + (attempt == 1 ? " attempt" : " attempts") + ", each conflicting with a concurrent transaction: "
                + failure.getMessage() + " Raise Database.builder(url).maxAttempts(n), shorten the "
                + "transaction, or lock rows in the same order everywhere.",
                failure instanceof StatementException ? ((StatementException) failure).sql() : null,
                failure, attempt);
    }

    /**
     * Runs one statement of Dataport's own that writes (a repository insert): in the transaction open on this
     * thread, if any; else in a transaction of its own (on SQLite, auto-commit) on a connection borrowed for it
     * alone, without a Jdbi handle or Session (they cost more than SQLite takes to insert a row). The rules of
     * {@link #inTransaction} hold: run again on conflict or on a connection found dead before anything ran, and a
     * connection lost while committing is reported as such, never run again.
     */
    <R> R writeOneStatement(String sql, DirectStatement.Work<R> work) {
        Session joined = current.get();
        if (joined != null) {
            return joinTransaction(joined, false, s -> DirectStatement.run(s.handle(), sql, work));
        }
        for (int attempt = 1; ; attempt++) {
            checkOpen();
            Throwable failure;
            boolean commitSent = false;
            Connection connection;
            try {
                connection = connector.acquire(config.readOnly() ? Access.READ_ONLY : Access.READ_WRITE);
            } catch (SQLException e) {
                throw Errors.translate(e, null, null, connector);
            }
            try {
                if (connector.autoCommitsSafely()) {
                    // The statement is its own transaction: BEGIN and COMMIT around it would only cost time.
                    return DirectStatement.run(jdbi, connector, connection, sql, work);
                }
                connector.begin(connection, config.readOnly());
                R result;
                try {
                    result = DirectStatement.run(jdbi, connector, connection, sql, work);
                } catch (RuntimeException e) {
                    rollbackQuietly(connection, e);
                    throw e;
                }
                commitSent = true;
                connector.commit(connection);
                return result;
            } catch (SQLException e) {
                rollbackQuietly(connection, e);
                failure = closedUnder(Errors.translate(e, null, null, connector));
            } catch (RuntimeException e) {
                failure = closedUnder(e);
            } finally {
                try {
                    connector.release(connection);
                } catch (SQLException e) {
                    // The connection is done with; a broken one fails its next user, who reports it.
                }
            }
            if (failure instanceof ConnectionException && !closed && commitSent) {
                throw new ConnectionException("Connection lost while committing: the transaction may or may not "
                        + "have been saved. Check before running it again, or make it idempotent.", failure);
            }
            boolean deadBeforeAnything = failure instanceof ConnectionException && !closed && !timedOut(failure);
            if (deadBeforeAnything && attempt < config.maxAttempts()) {
                retries.increment();
                continue;
            }
            if (!Errors.isConflict(failure, connector)) {
                throw Sneaky.<RuntimeException>rethrow(failure);
            }
            if (attempt >= config.maxAttempts()) {
                throw gaveUp(attempt, failure);
            }
            retries.increment();
            backoff(attempt, failure);
        }
    }

    private void rollbackQuietly(Connection connection, Throwable failure) {
        try {
            connector.rollback(connection);
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    /**
     * Runs one statement of Dataport's own that only reads (a find by id): in the session open on this thread,
     * if any; else on a read-only connection (SQLite: a reader) borrowed for it alone, without a Jdbi handle,
     * BEGIN or COMMIT: one statement reads one consistent state. A connection found dead (closed by the server
     * while idle in the pool) is replaced and the read run again, as a transaction would be.
     */
    <R> R readOneStatement(String sql, DirectStatement.Work<R> work) {
        Session joined = current.get();
        if (joined != null) {
            return joinTransaction(joined, true, s -> DirectStatement.run(s.handle(), sql, work));
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return oneStatement(Access.READ_ONLY, sql, work);
            } catch (ConnectionException e) {
                if (closed || attempt >= config.maxAttempts() || timedOut(e)) {
                    throw Sneaky.<RuntimeException>rethrow(closedUnder(e));
                }
                retries.increment();
            }
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /**
     * Borrows a connection for one read and gives it back. Why no Jdbi handle and no Session: opening and
     * closing them costs more than SQLite takes to find a row by id, and nothing else runs on the connection.
     */
    private <R> R oneStatement(Access access, String sql, DirectStatement.Work<R> work) {
        checkOpen();
        Connection connection;
        try {
            connection = connector.acquire(config.readOnly() ? Access.READ_ONLY : access);
        } catch (SQLException e) {
            throw Errors.translate(e, null, null, connector);
        }
        try {
            return DirectStatement.run(jdbi, connector, connection, sql, work);
        } finally {
            try {
                connector.release(connection);
            } catch (SQLException e) {
                if (!closed) {
                    throw Errors.translate(e, null, null, connector);
                }
            }
        }
    }

    private <R, X extends Exception> R runTransaction(Session session, boolean readOnly, TransactionIsolation isolation,
                                                      SessionCallback<R, X> callback) throws X {
        Handle handle = session.rawHandle();
        int previousIsolation = isolation == null ? -1 : raiseIsolation(handle.getConnection(), isolation);
        try {
            session.state().setReadOnly(readOnly);
            handle.begin();
            R result;
            try {
                result = callback.withSession(session);
            } catch (Throwable t) {
                transactions.rollbackQuietly(handle, t);
                throw t;
            }
            session.state().commitStarted();
            handle.commit();
            return result;
        } finally {
            if (previousIsolation >= 0) {
                restoreIsolation(handle.getConnection(), previousIsolation);
            }
        }
    }

    /** Raises the connection's isolation to {@code wanted}; returns the level to restore, or -1 if unchanged. */
    private int raiseIsolation(Connection connection, TransactionIsolation wanted) {
        try {
            int previous = connection.getTransactionIsolation();
            if (previous >= wanted.jdbcLevel()) {
                return -1;
            }
            connection.setTransactionIsolation(wanted.jdbcLevel());
            return previous;
        } catch (SQLException e) {
            throw Errors.translate(e, null, null, connector);
        }
    }

    private static void restoreIsolation(Connection connection, int level) {
        try {
            if (!connection.isClosed()) {
                connection.setTransactionIsolation(level);
            }
        } catch (SQLException e) {
            // A broken connection is discarded by the pool, which also resets isolation on return.
        }
    }

    private <R, X extends Exception> R joinTransaction(Session session, boolean readOnly,
                                                       SessionCallback<R, X> callback) throws X {
        TxState state = session.state();
        state.checkUsable();
        if (state.isInTransaction()) {
            if (!readOnly && state.isReadOnly()) {
                throw new IllegalStateException("A read-write transaction cannot join the read-only transaction "
                        + "open on this thread. Start the outer transaction with inTransaction instead of "
                        + "inReadOnlyTransaction.");
            }
            return callback.withSession(session);
        }
        // A plain session (withSession) is open on this thread: run the transaction on its connection.
        return runTransaction(session, readOnly || state.isReadOnly(), null, callback);
    }

    private Session openSession(Access access) {
        Session session = openUnregisteredSession(access);
        current.set(session);
        return session;
    }

    private Session openUnregisteredSession(Access access) {
        checkOpen();
        Handle handle;
        try {
            handle = ConnectorConnectionFactory.open(jdbi, access);
        } catch (JdbiException e) {
            // Jdbi wraps a connection that fails while the handle is set up (closed under the pool).
            throw (RuntimeException) closedUnder(Errors.translateEscaped(e, connector));
        }
        TxState state = transactions.state(handle);
        state.confineToCurrentThread();
        state.setReadOnly(access == Access.READ_ONLY || config.readOnly());
        return new Session(this, handle, state);
    }

    /**
     * The handle a repository stream reads through: the session open on this thread, or else a read-only
     * transaction of its own, held until the stream is closed and confined to this thread. It is not made the
     * thread's current session, so other work on the thread runs in transactions of its own meanwhile.
     */
    HandleAccess.StreamHandle openStream() {
        Session joined = current.get();
        if (joined != null) {
            joined.state().checkUsable();
            return new SessionHandles(joined);
        }
        Session session = openUnregisteredSession(Access.READ_ONLY);
        try {
            session.state().setReadOnly(true);
            session.rawHandle().begin();
        } catch (RuntimeException e) {
            closeUnregisteredSession(session);
            throw e;
        }
        return new HandleAccess.StreamHandle() {
            private boolean released;

            @Override
            public Handle handle() {
                return session.handle();
            }

            @Override
            public void release() {
                if (!released) {
                    released = true;
                    closeUnregisteredSession(session);
                }
            }
        };
    }

    private void closeSession(Session session) {
        current.remove();
        closeUnregisteredSession(session);
    }

    private void closeUnregisteredSession(Session session) {
        session.state().close();
        Handle handle = session.rawHandle();
        try {
            if (handle.isInTransaction()) {
                handle.rollback();
            }
            handle.close();
        } catch (RuntimeException e) {
            if (!closed) {
                throw e;
            }
        }
    }

    private void backoff(int attempt, Throwable failure) {
        long base = config.retryBackoff().toNanos();
        long ceiling = Math.min(base << Math.min(attempt - 1, 16), TimeUnit.SECONDS.toNanos(1));
        long pause = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        try {
            TimeUnit.NANOSECONDS.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Sneaky.rethrow(failure);
        }
    }

    /**
     * Whether a transaction failed only because its connection was already dead when it got it: a connection
     * failure before its first statement completed and before any commit, other than a network timeout. Such a
     * transaction is run again on another connection; one that lost its connection later fails with
     * {@link ConnectionException}.
     */
    private boolean failedOnDeadConnection(Session session, Throwable failure) {
        if (!(failure instanceof ConnectionException) || closed || !session.state().nothingDoneYet()) {
            return false;
        }
        for (Throwable c = failure; c != null && c.getCause() != c; c = c.getCause()) {
            if (c instanceof SocketTimeoutException) {
                return false; // A silent network, not a dead connection: another connection would wait as long.
            }
        }
        return true;
    }

    /**
     * A database failure of work that {@link #close()} cut short says so, instead of what the driver saw (an
     * interrupted statement, a closed connection).
     */
    private Throwable closedUnder(Throwable failure) {
        if (!closed || !(failure instanceof DataportException)
                || String.valueOf(failure.getMessage()).startsWith("Database is closed")) {
            return failure;
        }
        return new ConnectionException("Database is closed: " + config.maskedUrl() + ". It was closed while this "
                + "work ran, which stopped it; close it only at shutdown, after the work ends.", failure);
    }

    private void checkOpen() {
        if (closed) {
            throw new ConnectionException("Database is closed: " + config.maskedUrl()
                    + ". Open a new one with Database.open(url); close it only at shutdown.");
        }
    }

    /**
     * Settings for a {@link Database}; {@link #open()} validates them all at once and opens it.
     *
     * <pre>{@code
     * Database db = Database.builder("postgresql://db.example.com/app")
     *         .user("app").password(secret).maxPoolSize(16)
     *         .connectionTimeout(Duration.ofSeconds(5)).open();
     * }</pre>
     *
     * <p>Not thread-safe; use one builder on one thread.
     */
    public static final class Builder {
        final String url;
        String user;
        String password;
        int maxPoolSize;
        Duration connectionTimeout = Duration.ofSeconds(30);
        boolean readOnly;
        int maxAttempts = 10;
        Duration retryBackoff = Duration.ofMillis(5);
        boolean showParameterValues;
        final Map<String, String> properties = new LinkedHashMap<>();
        private Backend backend;

        private Builder(String url) {
            if (url == null || url.isBlank()) {
                throw new ConfigurationException("Database URL is " + (url == null ? "null" : "empty")
                        + ". Pass one such as 'sqlite:app.db' or 'postgresql://user:password@localhost:5432/app'.");
            }
            this.url = url.strip();
        }

        /** The user to log in as, overriding the URL's. */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /** The password to log in with, overriding the URL's. Never shown in messages or logs. */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * The most connections the pool holds (PostgreSQL: the pool; SQLite: the readers beside the one writer).
         * Default: 10 for PostgreSQL, 8 readers for SQLite.
         */
        public Builder maxPoolSize(int maxPoolSize) {
            if (maxPoolSize < 1) {
                throw new ConfigurationException("maxPoolSize must be at least 1: " + maxPoolSize
                        + ". Pass the number of connections the pool may hold.");
            }
            this.maxPoolSize = maxPoolSize;
            return this;
        }

        /** How long to wait for a connection before failing with {@link ConnectionException}. Default: 30 s. */
        public Builder connectionTimeout(Duration connectionTimeout) {
            Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            if (connectionTimeout.toMillis() < 250) {
                throw new ConfigurationException("connectionTimeout cannot be less than 250ms: " + connectionTimeout
                        + ". Pass Duration.ofMillis(250) or more.");
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** Makes every connection and transaction read-only: writes fail with {@link ReadOnlyException}. */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /** How many times a conflicting transaction is attempted in all; 1 turns retries off. Default: 10. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new ConfigurationException("maxAttempts must be at least 1: " + maxAttempts
                        + ". Pass 1 to turn retries off.");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** The first pause before a retry; each next one doubles (at most 1 s), with jitter. Default: 5 ms. */
        public Builder retryBackoff(Duration retryBackoff) {
            Objects.requireNonNull(retryBackoff, "retryBackoff");
            if (retryBackoff.isNegative()) {
                throw new ConfigurationException("retryBackoff cannot be negative: " + retryBackoff
                        + ". Pass Duration.ZERO to retry at once.");
            }
            this.retryBackoff = retryBackoff;
            return this;
        }

        /**
         * Whether exception messages may show bound parameter values. Off by default, since values may be
         * personal data; turn it on while debugging.
         */
        public Builder showParameterValues(boolean showParameterValues) {
            this.showParameterValues = showParameterValues;
            return this;
        }

        /**
         * A backend setting: a SQLite pragma ({@code synchronous}, {@code busy_timeout}) or a pgjdbc connection
         * property ({@code sslmode}, {@code socketTimeout}). The same as a query parameter in the URL.
         */
        public Builder property(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("Property name is empty. Pass a pragma or driver property name.");
            }
            properties.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Uses this backend instead of finding one by URL on the class path. */
        public Builder backend(Backend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Validates the settings and opens the database.
         *
         * @throws ConfigurationException for a URL or setting that cannot work
         * @throws ConnectionException    when the backend cannot open its storage
         */
        public Database open() {
            Backend chosen = backend != null ? backend : Backends.forUrl(url);
            if (!chosen.accepts(url)) {
                throw new ConfigurationException("Backend " + chosen.name() + " does not accept URL '"
                        + Urls.mask(url) + "'. Use a URL starting with " + String.join(" or ", chosen.urlPrefixes())
                        + ".");
            }
            DatabaseConfig config = new DatabaseConfig(this);
            Connector connector = chosen.connect(config);
            try {
                return new Database(config, chosen, connector);
            } catch (RuntimeException e) {
                connector.close();
                throw e;
            }
        }
    }
}
