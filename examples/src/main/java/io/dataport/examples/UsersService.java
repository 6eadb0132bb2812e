package io.dataport.examples;

import io.dataport.Database;
import io.dataport.MigrationException;
import io.dataport.SchemaMismatchException;
import io.dataport.micrometer.DataportMeters;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.URI;

/**
 * A users-and-posts HTTP JSON API on Javalin: the service every web tutorial builds, on SQLite by default and
 * on PostgreSQL or MySQL/MariaDB by setting {@code DATABASE_URL}; {@code DATAPORT_LOG_SQL=true} logs every
 * statement at INFO (as {@code ?logStatements=true} in the URL does).
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -Pservice package                                     # SQLite file users.db, port 7070
 * DATABASE_URL=postgresql://postgres@localhost:5432/postgres PORT=8080 mvn -B -q -DskipTests -Pservice package
 * DATABASE_URL=mysql://root@localhost:3306/users_service mvn -B -q -DskipTests -Pservice package  # an empty database
 * DATAPORT_LOG_SQL=true mvn -B -q -DskipTests -Pservice package                # with the SQL log
 * }</pre>
 *
 * <p>The service migrates its database when it starts ({@code migrateOnOpen(true)}): the scripts in
 * {@code src/main/resources/db/migration}, {@code V1__users_and_posts} (the tables) and
 * {@code V2__user_bio_and_posts_by_user} (the column {@code users.bio} and an index on {@code posts.user_id}),
 * each as a {@code .sqlite.sql}, a {@code .postgres.sql} and a {@code .mysql.sql} variant; then it checks the
 * tables against the entities ({@code db.schema().validate}).
 *
 * <p>Routes: {@code POST /users}, {@code GET /users?page=&size=&sort=name,-createdAt}, {@code GET /users/{id}},
 * {@code PUT /users/{id}}, {@code DELETE /users/{id}}, {@code POST /users/{id}/posts},
 * {@code GET /users/{id}/posts}, {@code GET /health}, and {@code GET /metrics}: the database's meters
 * ({@link DataportMeters}, tag {@code db=users}; on PostgreSQL and MySQL HikariCP's too) in Prometheus's text format. A
 * running service is thread-safe; {@link #close()} stops the HTTP server and removes the meters but leaves the
 * {@link Database} to its owner.
 */
public final class UsersService implements AutoCloseable {
    /** The environment variable naming the port to listen on. */
    static final String PORT = "PORT";
    static final int DEFAULT_PORT = 7070;
    /** The environment variable that turns the SQL log on ({@code true}): {@code logStatements(true)}. */
    static final String LOG_SQL = "DATAPORT_LOG_SQL";

    private final Javalin app;
    private final DataportMeters meters;
    private final PrometheusMeterRegistry registry;

    private UsersService(Javalin app, DataportMeters meters, PrometheusMeterRegistry registry) {
        this.app = app;
        this.meters = meters;
        this.registry = registry;
    }

    /**
     * Checks that the tables match {@link User} and {@link Post} and starts serving on {@code port} (0 picks a
     * free one). The database must be migrated already: open it with {@link #openDatabase(String, boolean)}
     * ({@code migrateOnOpen(true)}) or call {@link Database#migrate()} first.
     *
     * <pre>{@code try (UsersService service = UsersService.start(db, 0)) { URI base = service.uri(); }}</pre>
     *
     * @throws SchemaMismatchException when the tables differ from the entities (a migration is missing, or an entity
     *                                 changed without one), with every difference
     */
    public static UsersService start(Database db, int port) {
        // At once rather than at the first request that reads the column a migration forgot.
        db.schema().validate(User.class, Post.class);
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DataportMeters meters = DataportMeters.bind(db, registry, Tags.of("db", "users"));
        try {
            UsersApi api = new UsersApi(db, UsersApi.objectMapper(), registry);
            Javalin app = Javalin.create(config -> {
                config.startup.showJavalinBanner = false;
                config.jsonMapper(new JavalinJackson(UsersApi.objectMapper(), false));
                api.register(config.routes);
            });
            app.start(port);
            return new UsersService(app, meters, registry);
        } catch (RuntimeException e) {
            meters.close();
            registry.close();
            throw e;
        }
    }

    /** The port the service listens on. */
    public int port() {
        return app.port();
    }

    /** The base URI of the service on this machine, e.g. {@code http://localhost:7070/}. */
    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    /** Stops the HTTP server, waiting for requests in progress, and removes the meters. The database stays open. */
    @Override
    public void close() {
        try {
            app.stop();
        } finally {
            meters.close();
            registry.close();
        }
    }

    /**
     * Opens {@code DATABASE_URL} (default: SQLite file {@code users.db}) migrated to the latest version, with the
     * SQL log at INFO when {@code DATAPORT_LOG_SQL=true}, and serves on {@code PORT} (default 7070).
     */
    public static void main(String[] args) {
        String url = Examples.databaseUrl("sqlite:users.db");
        int port = port(System.getenv(PORT));
        Database db;
        try {
            db = openDatabase(url, logSql(System.getenv(LOG_SQL)));
        } catch (MigrationException e) {
            System.err.println(cannotMigrate(e));
            System.exit(1);
            return;
        }
        UsersService service;
        try {
            service = start(db, port);
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            service.close();
            db.close();
            System.out.println("Users service stopped, database closed: " + db);
        }, "users-service-shutdown"));
        System.out.println("Users service on " + db + " listening at " + service.uri() + " (Ctrl-C stops it)");
    }

    /**
     * Opens the service's database and applies its pending migrations ({@code migrateOnOpen(true)}), the scripts
     * in {@code db/migration} on the class path ({@code src/main/resources/db/migration}), before it returns.
     *
     * @param url    the database URL
     * @param logSql whether to log every statement at INFO ({@code logStatements(true)})
     * @throws MigrationException when a migration fails or the history does not match the scripts
     */
    static Database openDatabase(String url, boolean logSql) {
        Database.Builder builder = Database.builder(url).migrateOnOpen(true);
        if (logSql) {
            builder.logStatements(true);
        }
        return builder.open();
    }

    /** What {@link #main} says when the database cannot be migrated: the failure and what to do. */
    static String cannotMigrate(MigrationException e) {
        return "The users service cannot migrate its database (DATABASE_URL): " + e.getMessage() + "\n"
                + "If V1 failed because the table users or posts already exists, those tables were made without"
                + " migrations (by an earlier version of this service, which called db.schema().create, or by another"
                + " program) and have no dataport_schema_history. Start the service on a new database or schema"
                + " instead (PostgreSQL: create schema users_service, then add ?currentSchema=users_service to"
                + " DATABASE_URL; MySQL: create database users_service and name it in DATABASE_URL; SQLite: another"
                + " file), or, only if those tables and their rows are yours to lose,"
                + " drop them and start again.";
    }

    /**
     * Whether {@code DATAPORT_LOG_SQL} asks for the SQL log. Unset or {@code false} leaves the URL's
     * {@code logStatements} (if any) as it is: a setter called in code would override it.
     */
    static boolean logSql(String value) {
        if (value == null || value.isBlank() || value.strip().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.strip().equalsIgnoreCase("true")) {
            return true;
        }
        throw new IllegalArgumentException(LOG_SQL + " is not true or false: " + value + ". Set it to true to log every "
                + "statement, or unset it.");
    }

    private static int port(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_PORT;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port >= 0 && port <= 65_535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("PORT is not a port number: " + value + ". Set it to 0-65535, or unset it for "
                + DEFAULT_PORT + ".");
    }
}
