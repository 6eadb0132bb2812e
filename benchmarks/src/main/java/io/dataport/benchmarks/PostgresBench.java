package io.dataport.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.dataport.Database;

import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;

/**
 * PostgreSQL in a schema of its own (dropped at the end). The JDBC and Jdbi variants use a HikariCP pool with
 * the settings Dataport's pool has: 10 connections, auto-commit, {@code reWriteBatchedInserts=true}.
 */
final class PostgresBench extends BenchTarget {
    private final String baseUrl;
    private final String schema;
    private final String url;
    private final Database db;
    private final HikariDataSource pool;
    private final ConnectionSource source;

    PostgresBench(String baseUrl) {
        this.baseUrl = baseUrl;
        this.schema = "dp_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Database admin = Database.open(baseUrl)) {
            admin.useSession(s -> s.execute("CREATE SCHEMA " + schema));
        }
        this.url = baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        this.db = Database.open(url);
        this.pool = new HikariDataSource(hikari(url));
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

    /** Whether a server answers at this URL. */
    static String unreachable(String baseUrl) {
        try (Database admin = Database.open(baseUrl)) {
            admin.ping();
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    private static HikariConfig hikari(String url) {
        URI uri = URI.create(url.replaceFirst("^postgres(ql)?:", "http:"));
        HikariConfig c = new HikariConfig();
        String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
        c.setJdbcUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath()
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
        String info = uri.getUserInfo();
        if (info != null) {
            int colon = info.indexOf(':');
            c.setUsername(colon < 0 ? info : info.substring(0, colon));
            if (colon >= 0) {
                c.setPassword(info.substring(colon + 1));
            }
        }
        c.addDataSourceProperty("connectTimeout", "10");
        c.addDataSourceProperty("loginTimeout", "10");
        c.addDataSourceProperty("socketTimeout", "300");
        c.addDataSourceProperty("tcpKeepAlive", "true");
        c.addDataSourceProperty("ApplicationName", "dataport-bench-jdbc");
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        c.setMaximumPoolSize(10);
        c.setAutoCommit(true);
        c.setPoolName("bench-jdbc");
        return c;
    }

    @Override
    String name() {
        return "postgres";
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
    String clearItems() {
        return "TRUNCATE " + TABLE + " RESTART IDENTITY";
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
    boolean cursorNeedsTransaction() {
        return true;
    }

    @Override
    public void close() {
        pool.close();
        db.close();
        try (Database admin = Database.open(baseUrl)) {
            admin.useSession(s -> s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE"));
        } catch (RuntimeException e) {
            System.err.println("Could not drop schema " + schema + ": " + e.getMessage());
        }
    }
}
