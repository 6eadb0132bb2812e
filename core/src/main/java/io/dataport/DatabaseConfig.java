package io.dataport;

import io.dataport.internal.session.SettingValues;
import io.dataport.migration.Migration;
import io.dataport.spi.Backend;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The validated, immutable settings of one {@link Database}, made by {@link Database.Builder}: the parsed
 * {@link DatabaseUrl} and the builder's settings. Backends read it; applications usually never touch it.
 * {@link #toString()} never shows the password.
 */
public final class DatabaseConfig {
    private final DatabaseUrl url;
    private final String user;
    private final String password;
    private final int maxPoolSize;
    private final Duration connectionTimeout;
    private final boolean readOnly;
    private final int maxAttempts;
    private final TransactionIsolation isolation;
    private final Duration retryBackoff;
    private final Duration queryTimeout;
    private final boolean showParameterValues;
    private final boolean leakDetection;
    private final boolean createDatabase;
    private final int asyncQueueCapacity;
    private final List<String> replicas;
    private final Duration maxReplicaLag;
    private final boolean readYourWrites;
    private final boolean logStatements;
    private final Duration slowStatementThreshold;
    private final StatementListener statementListener;
    private final boolean migrateOnOpen;
    private final String migrations;
    private final List<Migration> javaMigrations;
    private final Map<String, String> properties;
    private final Map<String, String> parameters;

    /** The settings as the builder holds them, with the URL's parameters and properties as written. */
    DatabaseConfig(Database.Builder b) {
        this(b, null);
    }

    /**
     * The settings for {@code backend}: every URL parameter and property must be one the backend knows
     * ({@link Backend#parameterNames()}, matched ignoring case), and is handed on in the backend's spelling.
     */
    DatabaseConfig(Database.Builder b, Backend backend) {
        this.url = DatabaseUrl.parse(b.url);
        this.user = b.user;
        this.password = b.password;
        this.maxPoolSize = b.maxPoolSize;
        this.connectionTimeout = b.connectionTimeout;
        this.readOnly = b.readOnly;
        this.maxAttempts = b.maxAttempts;
        this.isolation = b.isolation;
        this.retryBackoff = b.retryBackoff;
        this.queryTimeout = b.queryTimeout;
        this.showParameterValues = b.showParameterValues;
        this.leakDetection = b.leakDetection;
        this.createDatabase = b.createDatabase;
        this.asyncQueueCapacity = b.asyncQueueCapacity;
        this.replicas = List.copyOf(b.replicas);
        this.maxReplicaLag = b.maxReplicaLag;
        this.readYourWrites = b.readYourWrites;
        this.logStatements = b.logStatements;
        this.slowStatementThreshold = b.slowStatementThreshold;
        this.statementListener = b.statementListener;
        this.migrateOnOpen = b.migrateOnOpen;
        this.migrations = b.migrations;
        this.javaMigrations = List.copyOf(b.javaMigrations);
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
        Map<String, String> merged = new LinkedHashMap<>(url.parameters());
        merged.putAll(b.properties);
        // Dataport's own settings were applied by the builder; the backend sees only its own.
        merged.keySet().removeIf(name -> SettingValues.canonical(name) != null);
        this.parameters = Collections.unmodifiableMap(backend == null ? merged : known(merged, backend));
    }

    /**
     * The one rule for settings on every backend: a name the backend does not know is refused, with the list
     * of those it knows, rather than silently ignored.
     */
    private Map<String, String> known(Map<String, String> given, Backend backend) {
        Map<String, String> spelling = new LinkedHashMap<>();
        for (String name : backend.parameterNames()) {
            spelling.put(name.toLowerCase(Locale.ROOT), name);
        }
        Map<String, String> result = new LinkedHashMap<>();
        given.forEach((name, value) -> {
            String known = spelling.get(name.toLowerCase(Locale.ROOT));
            if (known == null) {
                throw new ConfigurationException("Unknown " + backend.displayName() + " setting '" + name + "' in '"
                        + url + "'. Known: " + String.join(", ", new TreeSet<>(backend.parameterNames()))
                        + "; and Dataport's own, on every backend: " + String.join(", ", SettingValues.NAMES.values())
                        + ". Fix the name, or remove the setting.");
            }
            result.put(known, value);
        });
        return result;
    }

    /**
     * Whether opening the database runs {@link Database#migrate()}.
     *
     * @return true to migrate on open
     */
    public boolean migrateOnOpen() {
        return migrateOnOpen;
    }

    /**
     * The class path location of the SQL migrations.
     *
     * @return the location, {@code db/migration} by default
     */
    public String migrations() {
        return migrations;
    }

    /**
     * The Java migrations, in the order they were added.
     *
     * @return the migrations
     */
    public List<Migration> javaMigrations() {
        return javaMigrations;
    }

    /**
     * The URL, parsed; its {@code toString()} hides the password.
     *
     * @return the parsed URL
     */
    public DatabaseUrl url() {
        return url;
    }

    /**
     * The URL with any password replaced by {@code ***}: safe for messages and logs.
     *
     * @return the masked URL
     */
    public String maskedUrl() {
        return url.toString();
    }

    /**
     * The user set on the builder, or {@code null} to use the URL's.
     *
     * @return the user, or {@code null}
     */
    public String user() {
        return user;
    }

    /**
     * The password set on the builder, or {@code null} to use the URL's.
     *
     * @return the password, or {@code null}
     */
    public String password() {
        return password;
    }

    /**
     * The user to log in as, by the one rule of every server backend: the builder's, else a {@code user} setting
     * (URL query or {@code property}), else the URL's user information; {@code null} when none gives one.
     *
     * @return the user, or {@code null}
     */
    public String loginUser() {
        return user != null ? user : parameters.getOrDefault("user", url.user());
    }

    /**
     * The password to log in with, by the rule of {@link #loginUser()}: the builder's, else a {@code password}
     * setting, else the URL's.
     *
     * @return the password, or {@code null}
     */
    public String loginPassword() {
        return password != null ? password : parameters.getOrDefault("password", url.password());
    }

    /**
     * The most connections the pool holds; {@code 0} lets the backend choose.
     *
     * @return the pool size, or {@code 0}
     */
    public int maxPoolSize() {
        return maxPoolSize;
    }

    /**
     * How long to wait for a connection (from the pool, or the server) before failing.
     *
     * @return the connection timeout
     */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /**
     * Whether every connection and transaction is read-only.
     *
     * @return true when the database is read-only
     */
    public boolean readOnly() {
        return readOnly;
    }

    /**
     * How many times a transaction is attempted when it conflicts with another; 1 means no retry.
     *
     * @return the number of attempts, 1 or more
     */
    public int maxAttempts() {
        return maxAttempts;
    }

    /**
     * The isolation level of a read-write transaction that asks for none: exactly this level (a backend without
     * weaker levels, SQLite, runs every transaction serializable).
     *
     * @return the default level; {@link TransactionIsolation#SERIALIZABLE} unless the builder set another
     */
    public TransactionIsolation isolation() {
        return isolation;
    }

    /**
     * The first backoff before a retry; later ones double, with jitter.
     *
     * @return the first backoff
     */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /**
     * The longest one statement may run before the backend stops it ({@link Database.Builder#queryTimeout}).
     *
     * <pre>{@code boolean limited = !db.config().queryTimeout().isZero();}</pre>
     *
     * @return the query timeout; {@link Duration#ZERO} when statements run without a limit
     */
    public Duration queryTimeout() {
        return queryTimeout;
    }

    /**
     * Whether exception messages may show bound parameter values.
     *
     * @return true when they may
     */
    public boolean showParameterValues() {
        return showParameterValues;
    }

    /**
     * Whether work records where it takes its connection, for the error of an exhausted pool.
     *
     * @return whether leak detection is on
     */
    public boolean leakDetection() {
        return leakDetection;
    }

    /**
     * Whether a database the server does not have is created when it opens ({@code Builder.createDatabase}).
     *
     * @return whether to create a missing database
     */
    public boolean createDatabase() {
        return createDatabase;
    }

    /**
     * How many pieces of async work may wait for a thread ({@code Builder.asyncQueueCapacity}).
     *
     * @return the queue's capacity
     */
    public int asyncQueueCapacity() {
        return asyncQueueCapacity;
    }

    /**
     * The read replicas ({@code Builder.replica}), each {@code host:port} or a URL, for the backend to read.
     *
     * @return the replicas, empty for none
     */
    public List<String> replicas() {
        return replicas;
    }

    /**
     * How far a replica may lag and still serve reads ({@code Builder.maxReplicaLag}).
     *
     * @return the longest lag
     */
    public Duration maxReplicaLag() {
        return maxReplicaLag;
    }

    /**
     * Whether a thread's reads on replicas see its own committed writes ({@code Builder.readYourWrites}).
     *
     * @return true to read one's own writes
     */
    public boolean readYourWrites() {
        return readYourWrites;
    }

    /**
     * Whether statements are logged at INFO ({@code io.dataport.sql}), not DEBUG.
     *
     * @return whether statements are logged at INFO
     */
    public boolean logStatements() {
        return logStatements;
    }

    /**
     * The time above which a statement or a connection wait is logged at WARN; zero for none.
     *
     * @return the slow threshold
     */
    public Duration slowStatementThreshold() {
        return slowStatementThreshold;
    }

    /**
     * The listener told about every statement, or null.
     *
     * @return the listener, or {@code null}
     */
    public StatementListener statementListener() {
        return statementListener;
    }

    /**
     * Backend properties set with {@link Database.Builder#property}, as written.
     *
     * @return the properties, by name, in the order set
     */
    public Map<String, String> properties() {
        return properties;
    }

    /**
     * The backend settings: the URL's query parameters, then the builder's properties (which win), each name
     * in the backend's spelling.
     *
     * @return the settings, by name
     */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        Map<String, String> shownProperties = new LinkedHashMap<>();
        properties.forEach((k, v) -> shownProperties.put(k, DatabaseUrl.isSecret(k) ? "***" : v));
        return "DatabaseConfig[url=" + url + ", user=" + user + ", password=" + (password == null ? "null" : "***")
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout + ", readOnly=" + readOnly
                + ", maxAttempts=" + maxAttempts + ", isolation=" + isolation + ", retryBackoff=" + retryBackoff
                + ", queryTimeout=" + queryTimeout + ", showParameterValues=" + showParameterValues
                + ", leakDetection=" + leakDetection + ", createDatabase=" + createDatabase
                + ", asyncQueueCapacity=" + asyncQueueCapacity + ", replicas=" + replicas.size()
                + ", maxReplicaLag=" + maxReplicaLag + ", readYourWrites=" + readYourWrites
                + ", logStatements=" + logStatements + ", slowStatementThreshold="
                + slowStatementThreshold + ", properties=" + shownProperties + "]";
    }
}
