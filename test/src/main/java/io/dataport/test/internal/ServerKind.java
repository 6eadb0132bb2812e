package io.dataport.test.internal;

import io.dataport.Database;
import io.dataport.DatabaseUrl;
import io.dataport.spi.Backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.StringJoiner;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The backends dataport-test makes databases on, and for each: where its server may be, and how a new, empty
 * database is made on it and dropped.
 */
public enum ServerKind {
    /** A temporary file; no server. */
    SQLITE("sqlite", "SQLite", "io.dataport:dataport-sqlite", null, 0, null) {
        @Override
        public Created create(String server) {
            try {
                Path dir = Files.createTempDirectory("dataport-test-");
                Path file = dir.resolve("test.db");
                return new Created(file.toString(), "sqlite:" + file, () -> deleteTree(dir));
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot make a temporary directory for a SQLite test database", e);
            }
        }
    },
    /** A new schema, which the URL's {@code currentSchema} makes the one unqualified names resolve to. */
    POSTGRES("postgres", "PostgreSQL", "io.dataport:dataport-postgres", "DATAPORT_TEST_POSTGRES_URL", 5432,
            "postgresql://postgres@localhost:5432/postgres") {
        @Override
        public Created create(String server) {
            String schema = freshName();
            Admins.run(server, "CREATE SCHEMA " + schema);
            return new Created(schema, withParameter(server, "currentSchema", schema),
                    () -> Admins.run(server, "DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        }

        @Override
        String localUrl() {
            String password = System.getenv("PGPASSWORD");
            return password == null ? localUrl : "postgresql://postgres:" + encode(password) + "@localhost:5432/postgres";
        }
    },
    /** A new database, in {@code utf8mb4} with Dataport's binary no-pad collation. */
    MYSQL("mysql", "MySQL", "io.dataport:dataport-mysql", "DATAPORT_TEST_MYSQL_URL", 3306,
            "mysql://root@127.0.0.1:3306/test") {
        @Override
        public Created create(String server) {
            String database = freshName();
            Admins.run(server, "CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_nopad_bin");
            return new Created(database, withDatabase(server, database),
                    () -> Admins.run(server, "DROP DATABASE IF EXISTS " + database));
        }

        @Override
        String localUrl() {
            String password = System.getenv("MYSQL_PWD");
            return password == null ? localUrl : "mysql://root:" + encode(password) + "@127.0.0.1:3306/test";
        }
    };

    /**
     * A new database.
     *
     * @param name its own name (file, schema, database)
     * @param url  the URL that opens it
     * @param drop drops it
     */
    public record Created(String name, String url, Runnable drop) {
    }

    private final String backend;
    private final String displayName;
    private final String artifact;
    private final String envVariable;
    private final int port;
    final String localUrl;

    ServerKind(String backend, String displayName, String artifact, String envVariable, int port, String localUrl) {
        this.backend = backend;
        this.displayName = displayName;
        this.artifact = artifact;
        this.envVariable = envVariable;
        this.port = port;
        this.localUrl = localUrl;
    }

    /**
     * Makes a new, empty database on the server.
     *
     * @param server the server's URL ({@link TestServers#require})
     * @return the database
     */
    public abstract Created create(String server);

    /**
     * The backend's name.
     *
     * @return the name Database.backend() reports
     */
    public String backend() {
        return backend;
    }

    String displayName() {
        return displayName;
    }

    String envVariable() {
        return envVariable;
    }

    int port() {
        return port;
    }

    /** The URL of a server on localhost, with the password from the environment. */
    String localUrl() {
        return localUrl;
    }

    boolean hasServer() {
        return envVariable != null;
    }

    /**
     * The kind of a backend name, checked to be on the class path.
     *
     * @param backend the backend's name
     * @return its kind
     * @throws IllegalArgumentException for a name dataport-test does not know, or a backend not on the class path
     */
    public static ServerKind of(String backend) {
        for (ServerKind kind : values()) {
            if (kind.backend.equals(backend)) {
                if (!onClassPath().contains(kind)) {
                    throw new IllegalArgumentException("Backend '" + backend + "' is asked for but is not on the "
                            + "test class path: add " + kind.artifact + " to the test dependencies, or leave '"
                            + backend + "' out of @DataportTest(backends = ...).");
                }
                return kind;
            }
        }
        StringJoiner known = new StringJoiner(", ");
        for (ServerKind kind : values()) {
            known.add(kind.backend);
        }
        throw new IllegalArgumentException("Backend '" + backend + "' is not one dataport-test can make databases "
                + "on. Known: " + known + ".");
    }

    /**
     * The kinds whose backend is on the class path, in declaration order (SQLite, PostgreSQL, MySQL).
     *
     * @return the kinds
     */
    public static List<ServerKind> onClassPath() {
        List<String> names = new ArrayList<>();
        for (Backend b : ServiceLoader.load(Backend.class, ServerKind.class.getClassLoader())) {
            names.add(b.name());
        }
        List<ServerKind> kinds = new ArrayList<>();
        for (ServerKind kind : values()) {
            if (names.contains(kind.backend)) {
                kinds.add(kind);
            }
        }
        return kinds;
    }

    /** {@code dp_test_} and 16 random hex digits: unique, and a plain name on every backend. */
    static String freshName() {
        return "dp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
    }

    static String withParameter(String url, String name, String value) {
        return url + (url.contains("?") ? "&" : "?") + name + "=" + value;
    }

    /** The server's URL with another database in place of its own. */
    static String withDatabase(String url, String database) {
        DatabaseUrl parsed = DatabaseUrl.parse(url);
        StringBuilder u = new StringBuilder(parsed.scheme()).append("://");
        if (parsed.user() != null) {
            u.append(encode(parsed.user()));
            if (parsed.password() != null) {
                u.append(':').append(encode(parsed.password()));
            }
            u.append('@');
        }
        u.append(String.join(",", parsed.hosts())).append('/').append(database);
        StringJoiner query = new StringJoiner("&", "?", "");
        query.setEmptyValue("");
        for (Map.Entry<String, String> p : parsed.parameters().entrySet()) {
            query.add(p.getKey() + "=" + encode(p.getValue()));
        }
        return u.append(query).toString();
    }

    static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete the SQLite test database in " + dir, e);
        }
    }

    /** One administrative database per server, shared by the JVM's tests, closed at its exit. */
    static final class Admins {
        private static final Map<String, Database> OPEN = new java.util.concurrent.ConcurrentHashMap<>();

        private Admins() {
        }

        /** Closes them all: at the JVM's exit, after the leftover databases were dropped. */
        static void closeAll() {
            OPEN.values().forEach(Database::close);
            OPEN.clear();
        }

        static void run(String server, String sql) {
            OPEN.computeIfAbsent(server, url -> Database.builder(url).maxPoolSize(2).open())
                    .useSession(s -> s.execute(sql));
        }
    }
}
