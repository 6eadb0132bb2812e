package io.dataport.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dataport.Database;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A database server (PostgreSQL, MySQL or MariaDB) in a scratch schema or database of its own, made at start and
 * dropped at the end. The JDBC and Jdbi variants share one HikariCP pool of the server's own driver with the
 * settings Dataport's pool has (10 connections, auto-commit, the driver properties a subclass gives): plain
 * JDBC, the same for every server, so only the driver's URL, its properties and the scratch's DDL differ.
 */
abstract class ServerBench extends BenchTarget {
    private final String baseUrl;
    private final String scratch;
    private final String url;
    private final Database db;
    private final HikariDataSource pool;
    private final ConnectionSource source;

    /** Makes the scratch on the server at {@code baseUrl}, then opens Dataport and the JDBC pool in it. */
    ServerBench(String baseUrl) {
        this.baseUrl = baseUrl;
        this.scratch = "dp_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Database admin = Database.open(baseUrl)) {
            admin.useSession(s -> s.execute(createScratch(scratch)));
        }
        this.url = scratchUrl(baseUrl, scratch);
        this.db = Database.open(url);
        this.pool = new HikariDataSource(jdbc(URI.create(url.replaceFirst("^(jdbc:)?[a-z]+:", "http:"))));
        this.source = new ConnectionSource() {
            @Override
            public Connection take() throws SQLException {
                return pool.getConnection();
            }

            @Override
            public void give(Connection connection) throws SQLException {
                connection.close();
            }

            @Override
            public void close() {
            }
        };
    }

    /** The DDL that makes the scratch schema or database {@code name}. */
    abstract String createScratch(String name);

    /** The DDL that drops it with everything in it. */
    abstract String dropScratch(String name);

    /** The Dataport URL of the scratch: {@code baseUrl} pointed at {@code name}. */
    abstract String scratchUrl(String baseUrl, String name);

    /**
     * The JDBC variants' pool for the scratch URL (its scheme read as {@code http:}): {@link #pool} with the
     * driver's URL and the driver properties Dataport's backend sets.
     */
    abstract HikariConfig jdbc(URI scratchUrl);

    /**
     * A pool like Dataport's, 10 connections in auto-commit, on {@code jdbcUrl} with the user and password of
     * {@code uri}.
     */
    static HikariConfig pool(String jdbcUrl, URI uri) {
        HikariConfig c = new HikariConfig();
        c.setJdbcUrl(jdbcUrl);
        String info = uri.getUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            c.setUsername(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) {
                c.setPassword(info.substring(colon + 1));
            }
        }
        c.setMaximumPoolSize(10);
        c.setAutoCommit(true);
        c.setPoolName("bench-jdbc");
        return c;
    }

    /** {@code host:port/path?query} of {@code uri}, as the JDBC URLs of PostgreSQL and MariaDB spell them. */
    static String hostAndPath(URI uri, String path) {
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        return uri.getHost() + port + path + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    /** Null when a server answers at this URL, else why not. */
    static String unreachable(String baseUrl) {
        try (Database admin = Database.open(baseUrl)) {
            admin.ping();
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    @Override
    String url() {
        return url;
    }

    @Override
    Database dataport() {
        return db;
    }

    @Override
    ConnectionSource writers() {
        return source;
    }

    @Override
    ConnectionSource readers() {
        return source;
    }

    @Override
    ConnectionSource pool8() {
        return source;
    }

    @Override
    String lockSuffix() {
        return " FOR UPDATE";
    }

    @Override
    boolean poolClosesStatements() {
        return true;
    }

    @Override
    public void close() {
        pool.close();
        db.close();
        try (Database admin = Database.open(baseUrl)) {
            admin.useSession(s -> s.execute(dropScratch(scratch)));
        } catch (RuntimeException e) {
            System.err.println("Could not drop " + scratch + ": " + e.getMessage());
        }
    }
}
