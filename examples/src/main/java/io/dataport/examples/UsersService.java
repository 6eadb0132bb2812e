package io.dataport.examples;

import io.dataport.Database;
import io.dataport.micrometer.DataportMeters;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import io.micrometer.core.instrument.Tags;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

import java.net.URI;

/**
 * A users-and-posts HTTP JSON API on Javalin: the service every web tutorial builds, on SQLite by default and
 * on PostgreSQL by setting {@code DATABASE_URL}; {@code DATAPORT_LOG_SQL=true} logs every statement at INFO
 * (as {@code ?logStatements=true} in the URL does).
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -Pservice package                                     # SQLite file users.db, port 7070
 * DATABASE_URL=postgresql://postgres@localhost:5432/postgres PORT=8080 mvn -B -q -DskipTests -Pservice package
 * DATAPORT_LOG_SQL=true mvn -B -q -DskipTests -Pservice package                # with the SQL log
 * }</pre>
 *
 * <p>Routes: {@code POST /users}, {@code GET /users?page=&size=&sort=name,-createdAt}, {@code GET /users/{id}},
 * {@code PUT /users/{id}}, {@code DELETE /users/{id}}, {@code POST /users/{id}/posts},
 * {@code GET /users/{id}/posts}, {@code GET /health}, and {@code GET /metrics}: the database's meters
 * ({@link DataportMeters}, tag {@code db=users}; on PostgreSQL HikariCP's too) in Prometheus's text format. A
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
     * Creates the tables if missing and starts serving on {@code port} (0 picks a free one).
     *
     * <pre>{@code try (UsersService service = UsersService.start(db, 0)) { URI base = service.uri(); }}</pre>
     */
    public static UsersService start(Database db, int port) {
        db.schema().create(User.class, Post.class);
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
     * Opens {@code DATABASE_URL} (default: SQLite file {@code users.db}), with the SQL log at INFO when
     * {@code DATAPORT_LOG_SQL=true}, and serves on {@code PORT} (default 7070).
     */
    public static void main(String[] args) {
        String url = Examples.databaseUrl("sqlite:users.db");
        int port = port(System.getenv(PORT));
        Database.Builder builder = Database.builder(url);
        if (logSql(System.getenv(LOG_SQL))) {
            builder.logStatements(true);
        }
        Database db = builder.open();
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
