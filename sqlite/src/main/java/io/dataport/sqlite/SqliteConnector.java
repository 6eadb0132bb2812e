package io.dataport.sqlite;

import io.dataport.ConfigurationException;
import io.dataport.ConnectionException;
import io.dataport.DatabaseConfig;
import io.dataport.SessionMisuseException;
import io.dataport.TransactionIsolation;
import io.dataport.spi.Access;
import io.dataport.spi.Connector;
import io.dataport.spi.NoConnectionFreeException;
import io.dataport.spi.PoolState;
import io.dataport.spi.Dialect;
import io.dataport.spi.ErrorKind;
import io.dataport.spi.StatementCache;
import io.dataport.spi.StatementTimeout;
import io.dataport.spi.StatementWatch;
import io.dataport.spi.ValueCodec;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The SQLite connections of one Database: one writer connection taken in turns ({@link WriterTurns}), and a pool
 * of read-only reader connections. An in-memory database has only the writer, which serves every session.
 *
 * <p>Why one writer: SQLite allows one writing transaction at a time, and a deferred transaction that reads
 * then writes fails at once with SQLITE_BUSY_SNAPSHOT whatever the busy timeout. Queueing writers in
 * process ({@link WriterTurns}) and starting them with {@code BEGIN IMMEDIATE} is both correct and the fastest way to write
 * from one process. Other processes are handled by the busy timeout and core's retry.
 */
final class SqliteConnector implements Connector {
    private static final Dialect DIALECT = SqliteDialect.INSTANCE;

    private final SqliteSettings settings;
    private final DatabaseConfig config;
    private final WriterTurns writeLock = new WriterTurns();
    private final Connection writer;
    private final ReaderPool readers;
    /** The statement cache of each open connection: the one cache per connection, shared with core. */
    private final Map<Connection, StatementCache> statementCaches = new ConcurrentHashMap<>();
    /** Stops running statements: at their query timeout, and at close. */
    private final SqliteInterrupts interrupts = new SqliteInterrupts();
    private volatile boolean closed;
    private boolean writerQueryOnly;

    SqliteConnector(SqliteSettings settings, DatabaseConfig config) {
        this.settings = settings;
        this.config = config;
        this.readers = new ReaderPool(settings.readers, () -> open(true));
        if (config.readOnly()) {
            readers.openFirst();
            this.writer = null;
        } else {
            this.writer = open(false);
        }
    }

    /** The readers and the writer (an in-memory database: the writer alone serves both). */
    @Override
    public PoolState poolState() {
        int writers = writer == null ? 0 : 1;
        int writerBusy = writeLock.isTaken() ? 1 : 0;
        int readersBusy = readers.lent();
        return new PoolState(writers + (settings.inMemory() ? 0 : settings.readers), writerBusy + readersBusy,
                writers - writerBusy + readers.idle());
    }

    @Override
    public Connection acquire(Access access) throws SQLException {
        if (closed) {
            throw closedError();
        }
        if (writer != null && (access == Access.READ_WRITE || settings.inMemory())) {
            return acquireWriter();
        }
        return acquireReader();
    }

    private Connection acquireWriter() throws SQLException {
        if (writeLock.isHeldByCurrentThread()) {
            throw new SessionMisuseException("This thread already holds the SQLite write connection through an "
                    + "open Session; SQLite allows one writer. Use that Session instead of opening a second one.");
        }
        long timeout = config.connectionTimeout().toMillis();
        try {
            if (!writeLock.take(timeout)) {
                throw new NoConnectionFreeException("SQLite writer busy: no turn to write within " + timeout
                        + " ms (" + writeLock.waiting() + " threads waiting). Shorten write transactions, use "
                        + "inReadOnlyTransaction for reads, or raise connectionTimeout.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("Interrupted while waiting for the SQLite writer.", e);
        }
        if (closed) {
            writeLock.giveBack();
            throw closedError();
        }
        return writer;
    }

    private Connection acquireReader() throws SQLException {
        long timeout = config.connectionTimeout().toMillis();
        Connection c;
        try {
            c = readers.take(timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConnectionException("Interrupted while waiting for a SQLite reader connection.", e);
        }
        if (c == null) {
            throw new NoConnectionFreeException("SQLite reader pool exhausted: no connection free within "
                    + timeout + " ms (pool size " + settings.readers + ", " + readers.waiting()
                    + " threads waiting). Raise maxPoolSize, shorten transactions, or raise connectionTimeout.");
        }
        if (closed) {
            readers.giveBack(c);
            throw closedError();
        }
        return c;
    }

    @Override
    public void release(Connection connection) throws SQLException {
        if (connection == writer) {
            if (writeLock.isHeldByCurrentThread()) {
                writeLock.giveBack();
            }
            return;
        }
        readers.giveBack(connection);
    }

    /**
     * Retires the idle reader connections, as idle eviction would: they are closed and the pool opens fresh
     * ones on demand. The writer is never retired: for an in-memory database it is the database. Returns how
     * many connections were closed.
     */
    int retireIdleReaders() {
        return readers.retireIdle(this::quietClose);
    }

    /**
     * SQLite has one level: its transactions are serializable (one writer at a time, readers on a snapshot), so
     * every {@code isolation} runs serializable, which is at least as strict as any asked for.
     */
    @Override
    public void begin(Connection connection, boolean readOnly, TransactionIsolation isolation) throws SQLException {
        if (connection == writer && readOnly) {
            exec(connection, "PRAGMA query_only = 1");
            writerQueryOnly = true;
        }
        control(connection, connection == writer && !readOnly ? "BEGIN IMMEDIATE" : "BEGIN");
    }

    @Override
    public void commit(Connection connection) throws SQLException {
        control(connection, "COMMIT");
        endReadOnly(connection);
    }

    @Override
    public void rollback(Connection connection) throws SQLException {
        try {
            control(connection, "ROLLBACK");
        } catch (SQLException e) {
            // SQLite ends a transaction by itself after some errors (disk full, interrupt): nothing to roll back.
            if (e.getMessage() == null || !e.getMessage().contains("no transaction is active")) {
                throw e;
            }
        } finally {
            endReadOnly(connection);
        }
    }

    private void endReadOnly(Connection connection) throws SQLException {
        if (connection == writer && writerQueryOnly) {
            writerQueryOnly = false;
            exec(connection, "PRAGMA query_only = 0");
        }
    }

    @Override
    public ErrorKind classify(SQLException e) {
        if (closed) {
            return ErrorKind.CONNECTION;
        }
        if (e instanceof SQLiteException) {
            SQLiteErrorCode code = ((SQLiteException) e).getResultCode();
            String name = code.name();
            if (code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE
                    || code == SQLiteErrorCode.SQLITE_CONSTRAINT_ROWID) {
                return ErrorKind.DUPLICATE_KEY;
            }
            if (name.startsWith("SQLITE_CONSTRAINT")) {
                String message = String.valueOf(e.getMessage());
                return message.contains("UNIQUE constraint failed") || message.contains("PRIMARY KEY")
                        ? ErrorKind.DUPLICATE_KEY : ErrorKind.CONSTRAINT_VIOLATION;
            }
            if (name.startsWith("SQLITE_BUSY") || name.startsWith("SQLITE_LOCKED")) {
                return ErrorKind.CONFLICT;
            }
            if (name.startsWith("SQLITE_READONLY")) {
                return ErrorKind.READ_ONLY;
            }
            if (code == SQLiteErrorCode.SQLITE_INTERRUPT) {
                return ErrorKind.TIMEOUT;
            }
            if (name.startsWith("SQLITE_CANTOPEN") || name.startsWith("SQLITE_IOERR") || code == SQLiteErrorCode.SQLITE_NOTADB) {
                return ErrorKind.CONNECTION;
            }
        }
        return ErrorKind.ofStandardSqlState(e.getSQLState());
    }

    /**
     * sqlite-jdbc's {@code setQueryTimeout} only sets the busy timeout: a statement still running at its
     * deadline is interrupted ({@code sqlite3_interrupt}) instead, to the millisecond, and fails with
     * {@code SQLITE_INTERRUPT}, a {@link ErrorKind#TIMEOUT}.
     */
    @Override
    public StatementTimeout startTimeout(Connection connection, Statement statement, Duration timeout) {
        return interrupts.start(connection, statementCaches.get(connection), timeout);
    }

    /**
     * sqlite-jdbc's {@code cancel()} calls {@code sqlite3_interrupt} outside the lock that keeps interrupts off
     * closing connections, and leaves the interrupt in effect on the next statement: the async task's watch is
     * the deadline's interrupt instead, fired by the cancel.
     */
    @Override
    public StatementWatch watch(Connection connection, Statement statement) {
        return interrupts.watch(connection, statementCaches.get(connection));
    }

    /** What stops this database's statements (for tests). */
    SqliteInterrupts interrupts() {
        return interrupts;
    }

    /** The writer and the readers are the same connection objects for the life of the Database. */
    @Override
    public StatementCache statementCache(Connection connection) {
        return statementCaches.get(connection);
    }

    /** Embedded: a statement in auto-commit commits or fails, nothing in between. */
    @Override
    public boolean autoCommitsSafely() {
        return true;
    }

    @Override
    public Dialect dialect() {
        return DIALECT;
    }

    @Override
    public ValueCodec codec() {
        return SqliteCodec.INSTANCE;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        // No query timeout fires from now on. Stop statements running on other threads, then close: sqlite-jdbc
        // serialises native calls per connection, so a closed connection fails its users with an error instead
        // of crashing.
        interrupts.shutdown();
        readers.forEachOpen(interrupts::interrupt);
        if (writer != null) {
            if (writeLock.isTaken() && !writeLock.isHeldByCurrentThread()) {
                interrupts.interrupt(writer);
            }
            quietClose(writer);
        }
        readers.forEachOpen(this::quietClose);
    }

    private Connection open(boolean readOnly) {
        SQLiteConfig sqlite = new SQLiteConfig();
        sqlite.setReadOnly(readOnly);
        sqlite.setBusyTimeout(settings.busyTimeoutMillis);
        Connection c = null;
        try {
            c = sqlite.createConnection(settings.jdbcUrl());
            statementCaches.put(c, new StatementCache());
            applyPragmas(c, readOnly);
            registerLower(c);
            return c;
        } catch (SQLException e) {
            if (c != null) {
                quietClose(c);
            }
            String where = settings.inMemory() ? "in-memory database" : settings.path.toString();
            if (e instanceof SQLiteException && ((SQLiteException) e).getResultCode() == SQLiteErrorCode.SQLITE_NOTADB) {
                throw new ConfigurationException("File is not a SQLite database: " + where
                        + ". Point the URL at a SQLite database file, or at a new path to create one.", e);
            }
            throw new ConnectionException("Cannot open SQLite database " + where + ": " + e.getMessage()
                    + ". Check the path and its permissions.", e);
        }
    }

    /** The SQL function that folds text to lower case as {@code String.toLowerCase(Locale.ROOT)} does. */
    static final String LOWER_FUNCTION = "dataport_lower";

    /**
     * {@link #LOWER_FUNCTION}, for conditions that ignore case: SQLite's own {@code lower()} folds ASCII letters
     * only, PostgreSQL's (under ICU) and MySQL's every letter.
     */
    private static void registerLower(Connection c) throws SQLException {
        org.sqlite.Function.create(c, LOWER_FUNCTION, new org.sqlite.Function() {
            @Override
            protected void xFunc() throws SQLException {
                String text = value_text(0);
                if (text == null) {
                    result();
                } else {
                    result(text.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }, 1, org.sqlite.Function.FLAG_DETERMINISTIC);
    }

    /** Applied on every connection this backend opens, not only the first. */
    private void applyPragmas(Connection c, boolean readOnly) throws SQLException {
        exec(c, "PRAGMA busy_timeout = " + settings.busyTimeoutMillis);
        exec(c, "PRAGMA foreign_keys = " + (settings.foreignKeys ? "ON" : "OFF"));
        exec(c, "PRAGMA synchronous = " + settings.synchronous);
        if (!readOnly && !settings.inMemory()) {
            exec(c, "PRAGMA journal_mode = " + settings.journalMode);
        }
        if (readOnly) {
            // A connection opened read-only still creates and writes TEMP tables; query_only refuses every write
            // (SQLITE_READONLY), as PostgreSQL's read-only transactions refuse CREATE TEMP TABLE.
            exec(c, "PRAGMA query_only = 1");
        }
        // Reads the schema: fails here, at open, for a file that is not a database.
        exec(c, "SELECT count(*) FROM sqlite_master");
    }

    private static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * Runs one of the transaction statements through a prepared statement kept on the connection: preparing
     * BEGIN and COMMIT anew costs SQLite more than running them, and every transaction runs two of them.
     */
    private void control(Connection c, String sql) throws SQLException {
        StatementCache cache = statementCaches.get(c);
        PreparedStatement statement = cache.borrow(sql, () -> c.prepareStatement(sql));
        try {
            statement.execute();
        } finally {
            cache.giveBackUnchanged(statement);
        }
    }

    private void quietClose(Connection c) {
        StatementCache cache = statementCaches.remove(c);
        if (cache != null) {
            cache.close();
        }
        try {
            interrupts.close(c);
        } catch (SQLException e) {
            // Closing at shutdown: nothing left to do with the error.
        }
    }

    /** Core words the closed-database error; the connector says only that its connections are gone. */
    private static SQLException closedError() {
        return new SQLException("The SQLite connections are closed.", "08003");
    }
}
