package io.dataport.postgres.reliability;

import io.dataport.Database;
import io.dataport.postgres.PostgresTarget;

import java.net.URI;
import java.util.List;
import java.util.UUID;

/** Shared pieces of the PostgreSQL fault tests: URLs through a proxy, unique application names, an admin. */
final class PgFaults {
    private PgFaults() {
    }

    /** A unique application_name, so a test can find (and kill) exactly its own backends. */
    static String applicationName() {
        return "dp_rel_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    /** A fresh-schema URL with extra parameters appended. */
    static String freshUrl(String... params) {
        StringBuilder url = new StringBuilder(PostgresTarget.INSTANCE.freshUrl());
        for (String p : params) {
            url.append(url.indexOf("?") >= 0 ? '&' : '?').append(p);
        }
        return url.toString();
    }

    /** The server's host of a test URL. */
    static String host(String url) {
        String h = URI.create(url.replaceFirst("^[a-z]+://", "x://")).getHost();
        return h == null ? "localhost" : h;
    }

    /** The server's port of a test URL. */
    static int port(String url) {
        int p = URI.create(url.replaceFirst("^[a-z]+://", "x://")).getPort();
        return p < 0 ? 5432 : p;
    }

    /** The same URL with host and port replaced by 127.0.0.1 and {@code port}. */
    static String through(String url, int port) {
        return url.replaceFirst("^([a-z]+://(?:[^@/]*@)?)[^/?]+", "$1127.0.0.1:" + port);
    }

    /** A database on the server itself (no fresh schema), for administration. */
    static Database admin() {
        return Database.open(PostgresTarget.INSTANCE.serverUrl());
    }

    /** Terminates every backend with this application name; returns how many. */
    static int terminate(Database admin, String applicationName) {
        return admin.withSession(s -> s.handle().createQuery("select count(pg_terminate_backend(pid)) from "
                + "pg_stat_activity where application_name = :name").bind("name", applicationName)
                .mapTo(int.class).one());
    }

    /** The pids of the backends with this application name. */
    static List<Integer> backends(Database admin, String applicationName) {
        return admin.withSession(s -> s.handle().createQuery("select pid from pg_stat_activity where "
                + "application_name = :name").bind("name", applicationName).mapTo(int.class).list());
    }
}
