package io.dataport;

import io.dataport.internal.migration.MigrationRunner;
import io.dataport.internal.repository.DatabaseAccess;
import io.dataport.internal.repository.Repositories;
import io.dataport.internal.session.AsyncRunner;
import io.dataport.internal.session.Backends;
import io.dataport.internal.session.ConnectionDataSource;
import io.dataport.internal.session.JdbiSetup;
import io.dataport.internal.session.Lifecycle;
import io.dataport.internal.session.SettingValues;
import io.dataport.internal.session.TransactionLog;
import io.dataport.internal.session.TransactionRunner;
import io.dataport.internal.statement.ErrorTranslator;
import io.dataport.internal.statement.StatementRunner;
import io.dataport.internal.util.DotEnv;
import io.dataport.migration.Migration;
import io.dataport.migration.MigrationReport;
import io.dataport.spi.Access;
import io.dataport.spi.Backend;
import io.dataport.spi.Connector;
import org.jdbi.v3.core.Jdbi;

import javax.sql.DataSource;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

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
 * deadlock, SQLite busy) is run again, up to {@link Builder#maxAttempts(int)} times. Read-write transactions
 * are serializable unless {@link Builder#isolation(TransactionIsolation)} says otherwise. A transaction opened
 * on a thread that already has one open joins it; when such an inner one throws, the outer one can only roll
 * back ({@link TransactionAbortedException} on its next statement or commit).
 */
public final class Database implements AutoCloseable {
    private final DatabaseConfig config;
    private final Backend backend;
    private final Connector connector;
    private final Jdbi jdbi;
    private final Lifecycle lifecycle;
    private final Repositories repositories;
    private final TransactionRunner runner;
    private final DatabaseAccess access;
    private final DataSource dataSource;
    /** Made by the first {@link #async()}; guarded by this, with {@link #closing}. */
    private AsyncDatabase async;
    private boolean closing;
    /** How long {@link #close()} waits for async work that runs. */
    private static final Duration ASYNC_CLOSE_WAIT = Duration.ofSeconds(30);

    private Database(DatabaseConfig config, Backend backend, Connector connector) {
        this.config = config;
        this.backend = backend;
        this.connector = connector;
        this.lifecycle = new Lifecycle(config.maskedUrl());
        ErrorTranslator errors = new ErrorTranslator(connector, config.showParameterValues());
        StatementRunner statements = new StatementRunner(connector, errors, config, lifecycle);
        TransactionLog transactions = new TransactionLog(backend.name());
        this.jdbi = JdbiSetup.create(connector, statements, config.readOnly(), config.isolation(), transactions);
        this.repositories = new Repositories(connector.dialect(), connector.codec(), statements);
        this.runner = new TransactionRunner(this, config, connector, jdbi, repositories, lifecycle, errors,
                statements.log(), transactions);
        this.access = new DatabaseAccess(runner);
        this.dataSource = new ConnectionDataSource(runner);
        try {
            connector.verify();
        } catch (SQLException e) {
            throw errors.translate(e, null, null);
        }
    }

    /**
     * Opens the database a URL names, with default settings.
     *
     * <pre>{@code Database db = Database.open("sqlite:app.db");}</pre>
     *
     * @param url {@code sqlite:PATH}, {@code jdbc:sqlite:PATH}, {@code sqlite::memory:},
     *            {@code postgresql://user:password@host:5432/db}, {@code postgres://...} or
     *            {@code jdbc:postgresql://...}
     * @return the open database
     * @throws ConfigurationException for a null, empty or malformed URL, or one no backend on the class path
     *                                accepts
     */
    public static Database open(String url) {
        return builder(url).open();
    }

    /**
     * The environment variable {@link #fromEnvironment} reads: {@value}.
     */
    public static final String URL_VARIABLE = "DATABASE_URL";

    /**
     * Opens the database the environment names, the twelve-factor way: {@code DATABASE_URL} from the process
     * environment, else from a {@code .env} file in the working directory (which never overrides a real
     * environment variable), else {@code defaultUrl}. Dataport's own settings can ride in the URL
     * ({@code ?maxPoolSize=20&queryTimeout=30s}), so one variable carries everything. The URL is never logged, and
     * shown only with its password masked.
     *
     * <pre>{@code Database db = Database.fromEnvironment("sqlite:app.db");}</pre>
     *
     * @param defaultUrl the URL when neither names one, e.g. {@code "sqlite:app.db"}
     * @return the open database
     */
    public static Database fromEnvironment(String defaultUrl) {
        return builder(urlFromEnvironment(defaultUrl)).open();
    }

    /**
     * The URL {@link #fromEnvironment} opens, for a builder of your own:
     * {@code Database.builder(Database.urlFromEnvironment("sqlite:app.db")).readOnly(true).open()}.
     *
     * @param defaultUrl the URL when neither the environment nor {@code .env} names one
     * @return the URL
     * @throws ConfigurationException for a {@code .env} line of {@code DATABASE_URL} that cannot be read
     */
    public static String urlFromEnvironment(String defaultUrl) {
        try {
            return DotEnv.lookup(URL_VARIABLE, System.getenv(), Path.of("").toAbsolutePath())
                    .orElse(Objects.requireNonNull(defaultUrl, "defaultUrl"));
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException(e.getMessage(), e);
        }
    }

    /**
     * Starts configuring a database.
     *
     * <pre>{@code Database db = Database.builder(url).maxPoolSize(16).connectionTimeout(Duration.ofSeconds(5)).open();}</pre>
     *
     * @param url the database URL, as for {@link #open(String)}
     * @return a builder
     * @throws ConfigurationException for a null, empty or malformed URL
     */
    public static Builder builder(String url) {
        return new Builder(url);
    }

    /**
     * Runs {@code callback} in a read-write transaction and returns its result. Commits when it returns, rolls
     * back when it throws (and rethrows), and runs it again when it failed only because it conflicted with a
     * concurrent transaction. Joins the transaction already open on this thread, if any; if it then throws, the
     * joined transaction is left rollback-only, even when its callback catches the exception.
     *
     * @param callback the work
     * @param <R>      its result type
     * @param <X>      the checked exception it may throw
     * @return what the callback returned
     * @throws X what the callback threw
     */
    public <R, X extends Exception> R inTransaction(SessionCallback<R, X> callback) throws X {
        return runner.inTransaction(Access.READ_WRITE, null, callback);
    }

    /**
     * Like {@link #inTransaction}, for work that returns nothing.
     *
     * @param callback the work
     * @param <X>      the checked exception it may throw
     * @throws X what the callback threw
     */
    public <X extends Exception> void useTransaction(SessionConsumer<X> callback) throws X {
        runner.inTransaction(Access.READ_WRITE, null, consume(callback));
    }

    /**
     * Like {@link #inTransaction(SessionCallback)}, at exactly the isolation level {@code isolation} instead of
     * the database's default (SQLite, which has serializable transactions only, runs every level serializable).
     * Serialization failures are retried like other conflicts. Joining the transaction already open on this
     * thread keeps that transaction's level.
     *
     * <pre>{@code db.inTransaction(TransactionIsolation.SERIALIZABLE, s -> transfer(s, 1, 2, 10));}</pre>
     *
     * @param isolation the level
     * @param callback  the work
     * @param <R>       its result type
     * @param <X>       the checked exception it may throw
     * @return what the callback returned
     * @throws X what the callback threw
     */
    public <R, X extends Exception> R inTransaction(TransactionIsolation isolation, SessionCallback<R, X> callback)
            throws X {
        return runner.inTransaction(Access.READ_WRITE, Objects.requireNonNull(isolation, "isolation"), callback);
    }

    /**
     * Like {@link #inTransaction(TransactionIsolation, SessionCallback)}, for work that returns nothing.
     *
     * @param isolation the level
     * @param callback  the work
     * @param <X>       the checked exception it may throw
     * @throws X what the callback threw
     */
    public <X extends Exception> void useTransaction(TransactionIsolation isolation, SessionConsumer<X> callback)
            throws X {
        runner.inTransaction(Access.READ_WRITE, Objects.requireNonNull(isolation, "isolation"), consume(callback));
    }

    /**
     * How many times, since this database was opened, work was run again because it conflicted with a
     * concurrent transaction or found its connection dead. A figure for metrics and tests; attempts that gave
     * up count too.
     *
     * @return the number of retries
     */
    public long retryCount() {
        return runner.retryCount();
    }

    /**
     * The backend's own object of a type, for integrations Dataport does not wrap: on PostgreSQL the HikariCP
     * pool ({@code com.zaxxer.hikari.HikariDataSource}), to which {@code dataport-micrometer} binds HikariCP's
     * own meters. Changing its settings is unsupported.
     *
     * <pre>{@code Optional<HikariDataSource> pool = db.unwrap(HikariDataSource.class);}</pre>
     *
     * @param type the type asked for
     * @param <T>  the type
     * @return the object, or empty when the backend has none of that type
     */
    public <T> Optional<T> unwrap(Class<T> type) {
        return Optional.ofNullable(connector().unwrap(Objects.requireNonNull(type, "type")));
    }

    /**
     * What this database did since it opened and its connections now: pool, connection waits (on SQLite, the
     * writer's turn), transactions committed, rolled back and retried, statements run and slow ones. The
     * {@code dataport-micrometer} module publishes them as meters.
     *
     * <pre>{@code long commits = db.metrics().transactionsCommitted();}</pre>
     *
     * @return a snapshot
     */
    public DatabaseMetrics metrics() {
        return runner.metrics(backend.name());
    }

    /**
     * Runs {@code callback} in a read-only transaction: it reads one consistent snapshot, never waits for writers
     * and never fails to serialize; any write in it (temporary tables, repository writes and a nested read-write
     * transaction included) fails with {@link ReadOnlyException}. On SQLite it runs on a reader connection,
     * concurrently with the writer and other readers.
     *
     * @param callback the work
     * @param <R>      its result type
     * @param <X>      the checked exception it may throw
     * @return what the callback returned
     * @throws X what the callback threw
     */
    public <R, X extends Exception> R inReadOnlyTransaction(SessionCallback<R, X> callback) throws X {
        return runner.inTransaction(Access.READ_ONLY, null, callback);
    }

    /**
     * Like {@link #inReadOnlyTransaction}, for work that returns nothing.
     *
     * @param callback the work
     * @param <X>      the checked exception it may throw
     * @throws X what the callback threw
     */
    public <X extends Exception> void useReadOnlyTransaction(SessionConsumer<X> callback) throws X {
        runner.inTransaction(Access.READ_ONLY, null, consume(callback));
    }

    /**
     * Runs {@code callback} with a session outside any transaction: each statement commits on its own. Joins the
     * session already open on this thread, if any. Not retried.
     *
     * @param callback the work
     * @param <R>      its result type
     * @param <X>      the checked exception it may throw
     * @return what the callback returned
     * @throws X what the callback threw
     */
    public <R, X extends Exception> R withSession(SessionCallback<R, X> callback) throws X {
        return runner.withSession(callback);
    }

    /**
     * Like {@link #withSession}, for work that returns nothing.
     *
     * @param callback the work
     * @param <X>      the checked exception it may throw
     * @throws X what the callback threw
     */
    public <X extends Exception> void useSession(SessionConsumer<X> callback) throws X {
        runner.withSession(consume(callback));
    }

    /**
     * The repository of an entity type. Each call joins the transaction open on the calling thread, if any, or
     * runs in a transaction of its own.
     *
     * <pre>{@code CrudRepository<User, Long> users = db.repository(User.class);}</pre>
     *
     * @param entityType the entity class
     * @param <T>        the entity type
     * @param <ID>       its id type
     * @return the repository
     */
    public <T, ID> CrudRepository<T, ID> repository(Class<T> entityType) {
        lifecycle.checkOpen();
        return repositories.repository(entityType, access);
    }

    /**
     * Creates and drops entity tables in this database's dialect, each call in a transaction of its own.
     *
     * @return the schema operations
     */
    public Schema schema() {
        lifecycle.checkOpen();
        return repositories.schema(access, () -> migrations().pending());
    }

    /**
     * Applies the pending migrations: the SQL scripts in the class path location
     * {@link Builder#migrations(String)} names ({@code db/migration} by default), named
     * {@code V<version>__<description>.sql}, where {@code V2__add_index.postgres.sql} (or {@code .sqlite.sql})
     * replaces the shared {@code V2__add_index.sql} on that {@linkplain #backend() backend}; and the Java
     * migrations of {@link Builder#migration(Migration)}; in version order, recorded in the table
     * {@code dataport_schema_history}.
     *
     * <p>All pending migrations run in one read-write transaction at READ COMMITTED: when one fails, none of
     * them is applied and the history is unchanged. Concurrent migrators, in this process or others, take turns
     * (PostgreSQL: an advisory lock; SQLite: its one writer), so each version is applied once.
     *
     * <pre>{@code MigrationReport report = db.migrate();}</pre>
     *
     * @return what was applied now and before, and the current version
     * @throws MigrationException when an applied migration was changed or is missing, a pending one is older than
     *                            the current version, two have one version, or a migration failed
     */
    public MigrationReport migrate() {
        lifecycle.checkOpen();
        return migrations().migrate();
    }

    /**
     * A JDBC {@link DataSource} over this database, for tools and frameworks that want connections (Flyway,
     * Liquibase): {@code getConnection()} takes a read-write connection the way a Dataport transaction does (on
     * SQLite the one writer, under the same lock, so that one writer at a time still holds; on PostgreSQL from
     * the pool) and {@code Connection.close()} gives it back, rolling back a transaction left open. Close each
     * connection on the thread that took it, and soon: on SQLite every other write waits for it.
     *
     * <pre>{@code Flyway.configure().dataSource(db.dataSource()).load().migrate();}</pre>
     *
     * @return the data source; connections fail with {@link java.sql.SQLException} once the database is closed
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /**
     * The name of the backend serving this database, e.g. {@code "sqlite"}.
     *
     * @return the backend's name
     */
    public String backend() {
        return backend.name();
    }

    /**
     * Makes one round trip ({@code SELECT 1}) and returns how long it took.
     *
     * @return the round trip's duration
     * @throws ConnectionException when the database cannot be reached
     */
    public Duration ping() {
        return inReadOnlyTransaction(session -> {
            long start = System.nanoTime();
            session.handle().createQuery("SELECT 1").mapTo(int.class).one();
            return Duration.ofNanos(System.nanoTime() - start);
        });
    }

    /**
     * A token for the last write this thread committed, for reads on other threads or in later requests to see
     * it ({@link #readAfter(String)}): hand it to the next request (a cookie, a header), as a web application
     * does after a POST. With no replicas every read sees every committed write, and the token is empty.
     *
     * <pre>{@code response.header("X-Read-After", db.lastWriteToken());}</pre>
     *
     * @return the token, empty when this thread committed no write or there are no replicas
     */
    public String lastWriteToken() {
        String token = connector.lastWriteToken();
        return token == null ? "" : token;
    }

    /**
     * Makes this thread's reads from now on see at least the write a {@link #lastWriteToken()} stands for: they go
     * only to a replica that has replayed it, else to the primary. Once every replica has, this costs nothing.
     *
     * <pre>{@code db.readAfter(request.header("X-Read-After"));}</pre>
     *
     * @param token a token from {@link #lastWriteToken()}; null or empty asks for nothing
     * @throws ConfigurationException when the token is not one of this backend's
     */
    public void readAfter(String token) {
        if (token != null && !token.isBlank()) {
            connector.readAfter(token.strip());
        }
    }

    /**
     * The async side of this database: the same transactions and sessions, run on the database's own threads
     * (as many as the pool has connections), each returning a {@link java.util.concurrent.CompletableFuture}.
     * The threads start with the first call; {@link #close()} stops them.
     *
     * <pre>{@code
     * CompletableFuture<Optional<User>> user =
     *         db.async().inReadOnlyTransaction(s -> s.repository(User.class).findById(7L));
     * }</pre>
     *
     * @return the async side, the same object on every call
     * @throws ConnectionException once the database is closed
     */
    public AsyncDatabase async() {
        synchronized (this) {
            if (closing) {
                throw lifecycle.closedError();
            }
            if (async == null) {
                int threads = connector.poolState().max();
                async = new AsyncDatabase(this, new AsyncRunner(threads > 0 ? threads : 10, config.asyncQueueCapacity(),
                        lifecycle, config.maskedUrl()));
            }
            return async;
        }
    }

    /**
     * The Jdbi instance behind this database: an escape hatch for Jdbi features Dataport does not wrap
     * (registering mappers, plugins). Handles opened from it directly are read-write connections.
     *
     * @return the Jdbi instance
     */
    public Jdbi jdbi() {
        lifecycle.checkOpen();
        return jdbi;
    }

    /**
     * The settings this database was opened with.
     *
     * @return the settings
     */
    public DatabaseConfig config() {
        return config;
    }

    /** The backend's running connector (for tests that look inside a backend). */
    private MigrationRunner migrations() {
        return new MigrationRunner(this, connector.dialect(), config.migrations(), config.javaMigrations());
    }

    private Connector connector() {
        return connector;
    }

    /**
     * Whether {@link #close()} was called.
     *
     * @return true once closed
     */
    public boolean isClosed() {
        return lifecycle.isClosed();
    }

    /**
     * Closes every connection. Async work still waiting for a thread fails with {@link ConnectionException};
     * async work running is waited for, at most 30 seconds. Work still running on other threads then fails with
     * {@link ConnectionException}. Calling it again does nothing.
     */
    @Override
    public void close() {
        AsyncDatabase started;
        synchronized (this) {
            closing = true;
            started = async;
        }
        if (started != null) {
            started.shutdown(ASYNC_CLOSE_WAIT);
        }
        if (lifecycle.close()) {
            // The connector interrupts running statements, then closes its connections with their statements.
            connector().close();
        }
    }

    @Override
    public String toString() {
        return "Database[" + backend.name() + ", " + config.maskedUrl() + (isClosed() ? ", closed" : "") + "]";
    }

    private static <X extends Exception> SessionCallback<Void, X> consume(SessionConsumer<X> callback) {
        return session -> {
            callback.useSession(session);
            return null;
        };
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
        TransactionIsolation isolation = TransactionIsolation.SERIALIZABLE;
        Duration retryBackoff = Duration.ofMillis(5);
        Duration queryTimeout = Duration.ZERO;
        boolean showParameterValues;
        boolean leakDetection;
        boolean createDatabase;
        int asyncQueueCapacity = 10_000;
        final List<String> replicas = new ArrayList<>();
        Duration maxReplicaLag = Duration.ofSeconds(10);
        boolean readYourWrites = true;
        boolean logStatements;
        Duration slowStatementThreshold = Duration.ZERO;
        StatementListener statementListener;
        boolean migrateOnOpen;
        String migrations = "db/migration";
        final List<Migration> javaMigrations = new ArrayList<>();
        final Map<String, String> properties = new LinkedHashMap<>();
        /** The Dataport settings given to a setter: a value in the URL does not override them. */
        private final Set<String> set = new HashSet<>();
        private Backend backend;

        private Builder(String url) {
            DatabaseUrl.parse(url);
            this.url = url.strip();
        }

        /**
         * The user to log in as, overriding the URL's.
         *
         * @param user the user name
         * @return this builder
         */
        public Builder user(String user) {
            this.user = Objects.requireNonNull(user, "user");
            return this;
        }

        /**
         * The password to log in with, overriding the URL's. Never shown in messages or logs.
         *
         * @param password the password
         * @return this builder
         */
        public Builder password(String password) {
            this.password = Objects.requireNonNull(password, "password");
            return this;
        }

        /**
         * The most connections the pool holds (PostgreSQL: the pool; SQLite: the readers beside the one writer).
         * Default: 10 for PostgreSQL, 8 readers for SQLite.
         *
         * @param maxPoolSize the most connections, 1 or more
         * @return this builder
         * @throws ConfigurationException when {@code maxPoolSize} is less than 1
         */
        public Builder maxPoolSize(int maxPoolSize) {
            if (maxPoolSize < 1) {
                throw new ConfigurationException("maxPoolSize must be at least 1: " + maxPoolSize
                        + ". Pass the number of connections the pool may hold.");
            }
            this.maxPoolSize = maxPoolSize;
            set.add("maxPoolSize");
            return this;
        }

        /**
         * How long to wait for a connection before failing with {@link ConnectionException}. Default: 30 s.
         *
         * @param connectionTimeout the longest wait, 250 ms or more
         * @return this builder
         * @throws ConfigurationException when {@code connectionTimeout} is less than 250 ms
         */
        public Builder connectionTimeout(Duration connectionTimeout) {
            Objects.requireNonNull(connectionTimeout, "connectionTimeout");
            if (connectionTimeout.toMillis() < 250) {
                throw new ConfigurationException("connectionTimeout cannot be less than 250ms: " + connectionTimeout
                        + ". Pass Duration.ofMillis(250) or more.");
            }
            this.connectionTimeout = connectionTimeout;
            set.add("connectionTimeout");
            return this;
        }

        /**
         * Makes every connection and transaction read-only: writes fail with {@link ReadOnlyException}.
         *
         * @param readOnly whether the database is read-only
         * @return this builder
         */
        public Builder readOnly(boolean readOnly) {
            this.readOnly = readOnly;
            return this;
        }

        /**
         * How many times a conflicting transaction is attempted in all; 1 turns retries off. Default: 10.
         *
         * @param maxAttempts the number of attempts, 1 or more
         * @return this builder
         * @throws ConfigurationException when {@code maxAttempts} is less than 1
         */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1) {
                throw new ConfigurationException("maxAttempts must be at least 1: " + maxAttempts
                        + ". Pass 1 to turn retries off.");
            }
            this.maxAttempts = maxAttempts;
            set.add("maxAttempts");
            return this;
        }

        /**
         * The isolation level of every read-write transaction that does not ask for one. Default:
         * {@link TransactionIsolation#SERIALIZABLE}, so that no update is lost and no write skew happens on any
         * backend; conflicts are retried. A weaker level means exactly that level where the backend has it
         * (PostgreSQL); SQLite runs every transaction serializable. Read-only transactions read one consistent
         * snapshot whatever this says.
         *
         * @param isolation the default level
         * @return this builder
         */
        public Builder isolation(TransactionIsolation isolation) {
            this.isolation = Objects.requireNonNull(isolation, "isolation");
            set.add("isolation");
            return this;
        }

        /**
         * The first pause before a retry; each next one doubles (at most 1 s), with jitter. Default: 5 ms.
         *
         * @param retryBackoff the first pause, zero or more
         * @return this builder
         * @throws ConfigurationException when {@code retryBackoff} is negative
         */
        public Builder retryBackoff(Duration retryBackoff) {
            this.retryBackoff = notNegative("retryBackoff", retryBackoff, "Pass Duration.ZERO to retry at once.");
            set.add("retryBackoff");
            return this;
        }

        /**
         * The longest one statement may run: past it, the statement is stopped and fails with
         * {@link QueryTimeoutException}, which is not retried. The connection stays usable; a transaction the
         * statement ran in has failed and can only roll back (nothing of it is saved). It applies to every
         * statement the database runs: the application's SQL ({@link Session#execute}, Jdbi handles, SqlObjects)
         * and Dataport's own (repositories, stream chunks), each execution on its own; for a query, until its first
         * rows are there. Begin, commit and rollback are not limited. PostgreSQL cancels the statement, counting
         * whole seconds (pgjdbc takes seconds: 300 ms is 1 s there); SQLite interrupts it
         * ({@code sqlite3_interrupt}), to the millisecond. Default: none.
         *
         * <pre>{@code Database db = Database.builder(url).queryTimeout(Duration.ofSeconds(30)).open();}</pre>
         *
         * @param queryTimeout the longest a statement may run; {@link Duration#ZERO} for no limit
         * @return this builder
         * @throws ConfigurationException when {@code queryTimeout} is negative
         */
        public Builder queryTimeout(Duration queryTimeout) {
            this.queryTimeout = notNegative("queryTimeout", queryTimeout,
                    "Pass the longest a statement may run, or Duration.ZERO for no limit.");
            set.add("queryTimeout");
            return this;
        }

        /** The rule of a duration setting that may be zero: not null, not negative ({@code name} as spelled). */
        private static Duration notNegative(String name, Duration value, String remedy) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new ConfigurationException(name + " cannot be negative: " + value + ". " + remedy);
            }
            return value;
        }

        /**
         * Whether exception messages may show bound parameter values. Off by default, since values may be
         * personal data; turn it on while debugging.
         *
         * @param showParameterValues whether messages may show the values
         * @return this builder
         */
        public Builder showParameterValues(boolean showParameterValues) {
            this.showParameterValues = showParameterValues;
            return this;
        }

        /**
         * Whether to record where each connection is taken (a stack trace per transaction, stream or
         * statement), so that the error of an exhausted pool shows where its holders were opened: the open
         * stream that was never closed, the transaction that runs too long. Off by default (it costs a few
         * microseconds per unit of work); the error names the kinds of holders, their ages and threads anyway.
         *
         * <pre>{@code Database db = Database.builder(url).leakDetection(true).open();}</pre>
         *
         * @param leakDetection whether to record where connections are taken
         * @return this builder
         */
        public Builder leakDetection(boolean leakDetection) {
            this.leakDetection = leakDetection;
            set.add("leakDetection");
            return this;
        }

        /**
         * Creates the database when the server has none of the URL's name: on PostgreSQL {@code CREATE DATABASE}
         * (UTF-8, owned by the URL's user) from the maintenance database {@code postgres}, on MySQL
         * {@code CREATE DATABASE ... CHARACTER SET utf8mb4}; SQLite creates its file anyway. Off by default (a
         * misspelt name should fail, not make a new database). A user without the right to create one gets a
         * {@link ConnectionException} that says which right and who can grant it.
         *
         * <pre>{@code Database db = Database.builder("postgresql://app@db/shop").createDatabase(true).open();}</pre>
         *
         * @param createDatabase whether to create a missing database
         * @return this builder
         */
        public Builder createDatabase(boolean createDatabase) {
            this.createDatabase = createDatabase;
            set.add("createDatabase");
            return this;
        }

        /**
         * How many pieces of async work ({@link Database#async()}) may wait for a thread; more are refused at once
         * with {@link AsyncQueueFullException} instead of filling the memory. Default: 10,000.
         *
         * <pre>{@code Database db = Database.builder(url).asyncQueueCapacity(500).open();}</pre>
         *
         * @param asyncQueueCapacity the most waiting, 1 or more
         * @return this builder
         * @throws ConfigurationException when {@code asyncQueueCapacity} is less than 1
         */
        public Builder asyncQueueCapacity(int asyncQueueCapacity) {
            if (asyncQueueCapacity < 1) {
                throw new ConfigurationException("asyncQueueCapacity must be at least 1: " + asyncQueueCapacity
                        + ". Pass how many pieces of async work may wait for a thread.");
            }
            this.asyncQueueCapacity = asyncQueueCapacity;
            set.add("asyncQueueCapacity");
            return this;
        }

        /**
         * Adds a read replica: read-only transactions and repository reads outside a transaction go to a replica
         * that is up and at most {@link #maxReplicaLag} behind, read-write transactions to the primary (the URL of
         * {@link Database#builder}). On PostgreSQL, a streaming standby: {@code host:port}, which takes the
         * primary's user, password, database and settings, or a whole URL. Each replica has a pool of its own and
         * is checked four times within {@link #maxReplicaLag} (at most every second); one that is down, lags too
         * far or is no standby (promoted) is taken out, and put back once it is fine again; with none usable, reads go to the primary. On SQLite, whose readers
         * already read the one file, a replica means the reader pool: it is accepted and changes nothing, so that
         * the application's code stays the same. The same as {@code replicas=host:port,host:port} in the URL.
         *
         * <pre>{@code Database db = Database.builder("postgresql://app@primary/shop").replica("standby1:5432").open();}</pre>
         *
         * @param replica {@code host:port}, or a URL of the same backend
         * @return this builder
         * @throws ConfigurationException when {@code replica} is blank
         */
        public Builder replica(String replica) {
            Objects.requireNonNull(replica, "replica");
            if (replica.isBlank()) {
                throw new ConfigurationException("Replica is empty. Pass host:port of a standby, or its URL.");
            }
            if (!set.contains("replicas")) {
                // The first replica given replaces the list (a URL's, applied again when the builder opens again).
                replicas.clear();
            }
            replicas.add(replica.strip());
            set.add("replicas");
            return this;
        }

        /**
         * How far a replica may lag behind the primary and still serve reads: one further behind is taken out
         * until it catches up. Default: 10 s.
         *
         * <pre>{@code Database db = Database.builder(url).replica("standby1:5432").maxReplicaLag(Duration.ofSeconds(2)).open();}</pre>
         *
         * @param maxReplicaLag the longest lag, more than zero
         * @return this builder
         * @throws ConfigurationException when {@code maxReplicaLag} is zero or negative
         */
        public Builder maxReplicaLag(Duration maxReplicaLag) {
            Objects.requireNonNull(maxReplicaLag, "maxReplicaLag");
            if (maxReplicaLag.isZero() || maxReplicaLag.isNegative()) {
                throw new ConfigurationException("maxReplicaLag must be more than zero: " + maxReplicaLag
                        + ". Pass how far behind a replica may be, such as Duration.ofSeconds(10).");
            }
            this.maxReplicaLag = maxReplicaLag;
            set.add("maxReplicaLag");
            return this;
        }

        /**
         * Whether a thread's reads see its own committed writes when they go to a replica (default: true). After a
         * thread commits a write, its reads go only to a replica known to have replayed that commit, else to the
         * primary (on PostgreSQL, for about one or two replica checks after each write; the commit itself costs
         * nothing more); {@link Database#lastWriteToken()} and {@link Database#readAfter(String)} carry the same
         * promise across threads and requests. Off, reads may miss a write made a moment before, by as much as
         * {@link #maxReplicaLag}.
         *
         * @param readYourWrites whether reads see the thread's own writes
         * @return this builder
         */
        public Builder readYourWrites(boolean readYourWrites) {
            this.readYourWrites = readYourWrites;
            set.add("readYourWrites");
            return this;
        }

        /**
         * Logs every statement at INFO instead of DEBUG, in the category {@code io.dataport.sql} (SLF4J), like
         * SQLAlchemy's {@code echo=True}: the backend, elapsed time, rows, the SQL, and bound values only with
         * {@link #showParameterValues}. Off by default: the statements are then logged at DEBUG.
         *
         * <pre>{@code Database db = Database.builder(url).logStatements(true).open();}</pre>
         *
         * @param logStatements whether to log statements at INFO
         * @return this builder
         */
        public Builder logStatements(boolean logStatements) {
            this.logStatements = logStatements;
            set.add("logStatements");
            return this;
        }

        /**
         * The time above which a statement, or a wait for a connection (on SQLite: the writer's turn), is logged
         * at WARN in the category {@code io.dataport.sql.slow}, whatever the SQL log's level, and counted in
         * {@link DatabaseMetrics#slowStatements()}. Default: none ({@link Duration#ZERO}): statements are then
         * timed only while the SQL log is on, so that a statement costs no clock reading.
         *
         * <pre>{@code Database db = Database.builder(url).slowStatementThreshold(Duration.ofMillis(200)).open();}</pre>
         *
         * @param threshold the slow threshold, zero for none
         * @return this builder
         * @throws ConfigurationException when {@code threshold} is negative
         */
        public Builder slowStatementThreshold(Duration threshold) {
            this.slowStatementThreshold = notNegative("slowStatementThreshold", threshold,
                    "Pass Duration.ZERO to log no statement as slow.");
            set.add("slowStatementThreshold");
            return this;
        }

        /**
         * A listener told about every statement this database runs (see {@link StatementListener}).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder statementListener(StatementListener listener) {
            this.statementListener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Whether {@link #open()} runs {@link Database#migrate()} before it returns; a failure closes the database
         * and is thrown. Default: false.
         *
         * @param migrateOnOpen whether to migrate when opening
         * @return this builder
         */
        public Builder migrateOnOpen(boolean migrateOnOpen) {
            this.migrateOnOpen = migrateOnOpen;
            set.add("migrateOnOpen");
            return this;
        }

        /**
         * The class path location of the SQL migrations, a directory in the application's resources or jars
         * (its subdirectories are not read). Default: {@code db/migration}.
         *
         * @param classPathLocation the location, such as {@code db/migration} (a {@code classpath:} prefix is
         *                          allowed)
         * @return this builder
         * @throws ConfigurationException when the location is blank
         */
        public Builder migrations(String classPathLocation) {
            Objects.requireNonNull(classPathLocation, "classPathLocation");
            if (classPathLocation.isBlank()) {
                throw new ConfigurationException("migrations location is empty. Pass a class path directory such as "
                        + "db/migration.");
            }
            this.migrations = classPathLocation.strip();
            set.add("migrations");
            return this;
        }

        /**
         * Adds a Java migration, run in version order with the SQL ones by {@link Database#migrate()}.
         *
         * @param migration the migration
         * @return this builder
         */
        public Builder migration(Migration migration) {
            javaMigrations.add(Objects.requireNonNull(migration, "migration"));
            return this;
        }

        /**
         * A backend setting: a SQLite pragma ({@code synchronous}, {@code busy_timeout}) or a pgjdbc connection
         * property ({@code sslmode}, {@code socketTimeout}); or one of Dataport's own by name ({@code maxPoolSize},
         * {@code connectionTimeout} as {@code 5s}, {@code queryTimeout}, {@code maxAttempts}, {@code retryBackoff},
         * {@code isolation}, {@code leakDetection}, {@code logStatements}, {@code slowStatementThreshold},
         * {@code migrateOnOpen}, {@code migrations}, {@code createDatabase}, {@code asyncQueueCapacity},
         * {@code replicas}, {@code maxReplicaLag}, {@code readYourWrites}), which a
         * setter called in code overrides. The same as a query parameter in the URL.
         *
         * @param name  the setting's name, as the backend spells it (matched ignoring case)
         * @param value its value
         * @return this builder
         * @throws ConfigurationException when {@code name} is null or blank
         */
        public Builder property(String name, String value) {
            if (name == null || name.isBlank()) {
                throw new ConfigurationException("Property name is empty. Pass a pragma or driver property name.");
            }
            properties.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Uses this backend instead of finding one by URL on the class path.
         *
         * @param backend the backend; it must accept the URL
         * @return this builder
         */
        public Builder backend(Backend backend) {
            this.backend = Objects.requireNonNull(backend, "backend");
            return this;
        }

        /**
         * Validates the settings and opens the database.
         *
         * @return the open database
         * @throws ConfigurationException for a URL or setting that cannot work
         * @throws ConnectionException    when the backend cannot open its storage
         */
        public Database open() {
            Backend chosen = backend != null ? backend : Backends.forUrl(url);
            if (!chosen.accepts(url)) {
                throw new ConfigurationException("Backend " + chosen.name() + " does not accept URL '"
                        + DatabaseUrl.mask(url) + "'. Use a URL starting with "
                        + String.join(" or ", chosen.urlPrefixes()) + ".");
            }
            applySettingsInUrl();
            DatabaseConfig config = new DatabaseConfig(this, chosen);
            Connector connector = chosen.connect(config);
            Database db;
            try {
                db = new Database(config, chosen, connector);
            } catch (RuntimeException e) {
                connector.close();
                throw e;
            }
            if (migrateOnOpen) {
                try {
                    db.migrate();
                } catch (RuntimeException e) {
                    db.close();
                    throw e;
                }
            }
            return db;
        }

        /**
         * Dataport's own settings in the URL query or a {@link #property}, through the setters (their checks, their
         * messages); a setter called in code wins over the URL.
         */
        private void applySettingsInUrl() {
            Map<String, String> given = new LinkedHashMap<>(DatabaseUrl.parse(url).parameters());
            given.putAll(properties);
            given.forEach((name, value) -> {
                String setting = SettingValues.canonical(name);
                if (setting == null || set.contains(setting)) {
                    return;
                }
                try {
                    SettingValues.apply(this, setting, value);
                } catch (ConfigurationException e) {
                    throw new ConfigurationException("Setting " + name + " in '" + DatabaseUrl.mask(url) + "': "
                            + e.getMessage(), e);
                }
                set.remove(setting);
            });
        }
    }
}
