package io.dataport.benchmarks;

import com.zaxxer.hikari.HikariConfig;

import java.net.URI;

/**
 * PostgreSQL in a schema of its own (dropped at the end). The JDBC and Jdbi variants use a HikariCP pool with
 * the settings Dataport's pool has: 10 connections, auto-commit, {@code reWriteBatchedInserts=true}.
 */
final class PostgresBench extends ServerBench {
    PostgresBench(String baseUrl) {
        super(baseUrl);
    }

    @Override
    String createScratch(String name) {
        return "CREATE SCHEMA " + name;
    }

    @Override
    String dropScratch(String name) {
        return "DROP SCHEMA IF EXISTS " + name + " CASCADE";
    }

    @Override
    String scratchUrl(String baseUrl, String name) {
        return baseUrl + (baseUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
    }

    @Override
    HikariConfig jdbc(URI uri) {
        HikariConfig c = pool("jdbc:postgresql://" + hostAndPath(uri, uri.getRawPath()), uri);
        c.addDataSourceProperty("connectTimeout", "10");
        c.addDataSourceProperty("loginTimeout", "10");
        c.addDataSourceProperty("socketTimeout", "300");
        c.addDataSourceProperty("tcpKeepAlive", "true");
        c.addDataSourceProperty("ApplicationName", "dataport-bench-jdbc");
        c.addDataSourceProperty("reWriteBatchedInserts", "true");
        return c;
    }

    @Override
    String name() {
        return "postgres";
    }

    @Override
    String clearItems() {
        return "TRUNCATE " + TABLE + " RESTART IDENTITY";
    }

    @Override
    boolean cursorNeedsTransaction() {
        return true;
    }
}
