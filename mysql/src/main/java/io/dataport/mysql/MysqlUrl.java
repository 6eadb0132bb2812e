package io.dataport.mysql;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseConfig;
import io.dataport.DatabaseUrl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A parsed MySQL or MariaDB URL ({@link DatabaseUrl}) put the way MariaDB Connector/J needs it: a JDBC URL
 * without secrets, the user and password apart, the connect timeout, and the other connection properties.
 */
final class MysqlUrl {
    /** The connect timeout when the URL sets none (and the builder's connectionTimeout is not shorter). */
    static final int DEFAULT_CONNECT_TIMEOUT_MILLIS = 5_000;

    final String jdbcUrl;
    final String user;
    final String password;
    final String database;
    /** Connector/J's {@code connectTimeout}: the TCP connect and the login, in milliseconds; 0 = no limit. */
    final int connectTimeoutMillis;
    /** The other Connector/J properties. */
    final Map<String, String> properties;

    private MysqlUrl(String jdbcUrl, String user, String password, String database, int connectTimeoutMillis,
                     Map<String, String> properties) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.database = database;
        this.connectTimeoutMillis = connectTimeoutMillis;
        this.properties = properties;
    }

    static MysqlUrl parse(DatabaseConfig config) {
        DatabaseUrl url = config.url();
        if (!url.hasHosts()) {
            throw new ConfigurationException("Malformed MySQL URL '" + url + "': it does not name a host the way "
                    + "mysql://, mariadb://, jdbc:mysql:// and jdbc:mariadb:// URLs do. Use "
                    + "mysql://user:password@host:3306/database.");
        }
        String database = url.database() == null ? "" : url.database();
        if (database.isEmpty()) {
            throw new ConfigurationException("MySQL URL '" + url + "' names no database: the tables Dataport "
                    + "creates and reads need one. Name it after the host: mysql://user:password@host:3306/app "
                    + "(create it once with CREATE DATABASE app CHARACTER SET utf8mb4).");
        }
        Map<String, String> params = new LinkedHashMap<>(config.parameters());
        // Credentials go to the driver apart from the other settings.
        params.remove("user");
        params.remove("password");
        String user = config.loginUser();
        String password = config.loginPassword();
        String connect = params.remove("connectTimeout");
        int timeout = connect != null ? millis(connect, "connectTimeout", url)
                : (int) Math.min(DEFAULT_CONNECT_TIMEOUT_MILLIS, Math.max(1, config.connectionTimeout().toMillis()));
        String hosts = url.hosts().isEmpty() ? "localhost" : String.join(",", url.hosts());
        String jdbcUrl = "jdbc:mariadb://" + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return new MysqlUrl(jdbcUrl, user, password, database, timeout, params);
    }

    /** A timeout setting in whole milliseconds, 0 or more. */
    private static int millis(String value, String name, DatabaseUrl url) {
        try {
            int millis = Integer.parseInt(value.strip());
            if (millis >= 0) {
                return millis;
            }
        } catch (NumberFormatException e) {
            // Worded below.
        }
        throw new ConfigurationException("Invalid MySQL setting " + name + "='" + value + "' in '" + url
                + "': give whole milliseconds, such as connectTimeout=5000 (0 waits without limit).");
    }

    @Override
    public String toString() {
        return jdbcUrl + " user=" + user + " password=" + (password == null ? "null" : "***");
    }
}
