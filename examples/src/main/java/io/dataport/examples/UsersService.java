package io.dataport.examples;

import io.dataport.Database;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;

import java.net.URI;

/**
 * A users-and-posts HTTP JSON API on Javalin: the service every web tutorial builds, on SQLite by default and
 * on PostgreSQL by setting {@code DATABASE_URL}.
 *
 * <pre>{@code
 * mvn -B -q -DskipTests -Pservice package                                     # SQLite file users.db, port 7070
 * DATABASE_URL=postgresql://postgres@localhost:5432/postgres PORT=8080 mvn -B -q -DskipTests -Pservice package
 * }</pre>
 *
 * <p>Routes: {@code POST /users}, {@code GET /users?page=&size=&sort=name,-createdAt}, {@code GET /users/{id}},
 * {@code PUT /users/{id}}, {@code DELETE /users/{id}}, {@code POST /users/{id}/posts},
 * {@code GET /users/{id}/posts}, {@code GET /health}. A running service is thread-safe; {@link #close()} stops
 * the HTTP server but leaves the {@link Database} to its owner.
 */
public final class UsersService implements AutoCloseable {
    /** The environment variable naming the port to listen on. */
    static final String PORT = "PORT";
    static final int DEFAULT_PORT = 7070;

    private final Javalin app;

    private UsersService(Javalin app) {
        this.app = app;
    }

    /**
     * Creates the tables if missing and starts serving on {@code port} (0 picks a free one).
     *
     * <pre>{@code try (UsersService service = UsersService.start(db, 0)) { URI base = service.uri(); }}</pre>
     */
    public static UsersService start(Database db, int port) {
        db.schema().create(User.class, Post.class);
        UsersApi api = new UsersApi(db, UsersApi.objectMapper());
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.jsonMapper(new JavalinJackson(UsersApi.objectMapper(), false));
            api.register(config.routes);
        });
        app.start(port);
        return new UsersService(app);
    }

    /** The port the service listens on. */
    public int port() {
        return app.port();
    }

    /** The base URI of the service on this machine, e.g. {@code http://localhost:7070/}. */
    public URI uri() {
        return URI.create("http://localhost:" + port() + "/");
    }

    /** Stops the HTTP server, waiting for requests in progress. The database stays open. */
    @Override
    public void close() {
        app.stop();
    }

    /** Opens {@code DATABASE_URL} (default: SQLite file {@code users.db}) and serves on {@code PORT} (default 7070). */
    public static void main(String[] args) {
        String url = Examples.databaseUrl("sqlite:users.db");
        int port = port(System.getenv(PORT));
        Database db = Database.open(url);
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
