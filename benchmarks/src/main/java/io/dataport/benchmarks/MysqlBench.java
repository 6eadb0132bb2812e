package io.dataport.benchmarks;

import com.zaxxer.hikari.HikariConfig;

import java.net.URI;

/**
 * MySQL or MariaDB in a database of its own (dropped at the end). The JDBC and Jdbi variants use a HikariCP pool
 * of MariaDB Connector/J with the settings Dataport's pool has: 10 connections, auto-commit, server-side prepared
 * statements cached per connection ({@code useServerPrepStmts}, {@code cachePrepStmts}), bulk inserts
 * ({@code useBulkStmtsForInserts}), text in {@code utf8mb4_nopad_bin}, and the same session set-up (SQL mode,
 * UTC).
 */
final class MysqlBench extends ServerBench {
    /** Dataport's session set-up on MySQL (MysqlConnector.SESSION_SETUP), so both pools' sessions are alike. */
    private static final String SESSION_SETUP = "SET SESSION sql_mode = 'ANSI_QUOTES,PIPES_AS_CONCAT,"
            + "STRICT_ALL_TABLES,NO_ZERO_IN_DATE,NO_ZERO_DATE,ERROR_FOR_DIVISION_BY_ZERO,NO_ENGINE_SUBSTITUTION,"
            + "NO_AUTO_VALUE_ON_ZERO', time_zone = '+00:00'";
    private static final String COLLATION = "utf8mb4_nopad_bin";

    MysqlBench(String baseUrl) {
        super(baseUrl);
    }

    @Override
    String createScratch(String name) {
        return "CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE " + COLLATION;
    }

    @Override
    String dropScratch(String name) {
        return "DROP DATABASE IF EXISTS " + name;
    }

    /** {@code mysql://user@host:3306/test?x=y} becomes {@code mysql://user@host:3306/<name>?x=y}. */
    @Override
    String scratchUrl(String baseUrl, String name) {
        return baseUrl.replaceFirst("^((?:jdbc:)?[a-z]+://[^/?]*)(/[^?]*)?", "$1/" + name);
    }

    @Override
    HikariConfig jdbc(URI uri) {
        HikariConfig c = pool("jdbc:mariadb://" + hostAndPath(uri, uri.getRawPath()), uri);
        c.addDataSourceProperty("connectTimeout", "10000");
        c.addDataSourceProperty("socketTimeout", "300000");
        c.addDataSourceProperty("tcpKeepAlive", "true");
        c.addDataSourceProperty("useServerPrepStmts", "true");
        c.addDataSourceProperty("cachePrepStmts", "true");
        c.addDataSourceProperty("prepStmtCacheSize", "250");
        c.addDataSourceProperty("useBulkStmtsForInserts", "true");
        c.addDataSourceProperty("connectionCollation", COLLATION);
        c.setConnectionInitSql(SESSION_SETUP);
        return c;
    }

    @Override
    String name() {
        return "mysql";
    }

    /** {@code TRUNCATE TABLE} restarts the {@code AUTO_INCREMENT} ids at 1. */
    @Override
    String clearItems() {
        return "TRUNCATE TABLE " + TABLE;
    }

    @Override
    String analyze() {
        return "ANALYZE TABLE " + TABLE;
    }

    /** Connector/J streams a result with a fetch size in auto-commit too. */
    @Override
    boolean cursorNeedsTransaction() {
        return false;
    }
}
