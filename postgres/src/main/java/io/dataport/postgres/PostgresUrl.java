package io.dataport.postgres;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseConfig;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A PostgreSQL URL split into what pgjdbc needs: a JDBC URL without secrets, the user and password apart, and
 * the connection properties. libpq parameter names ({@code connect_timeout}, {@code application_name}) are
 * translated to pgjdbc's.
 */
final class PostgresUrl {
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "target_session_attrs", "targetServerType",
            "keepalives", "tcpKeepAlive");

    final String jdbcUrl;
    final String user;
    final String password;
    final Map<String, String> properties;

    private PostgresUrl(String jdbcUrl, String user, String password, Map<String, String> properties) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.properties = properties;
    }

    static PostgresUrl parse(DatabaseConfig config) {
        String url = config.url();
        String lower = url.toLowerCase(Locale.ROOT);
        String rest;
        if (lower.startsWith("jdbc:postgresql://")) {
            rest = url.substring("jdbc:postgresql://".length());
        } else if (lower.startsWith("postgresql://")) {
            rest = url.substring("postgresql://".length());
        } else if (lower.startsWith("postgres://")) {
            rest = url.substring("postgres://".length());
        } else {
            throw malformed(config, "it does not start with postgresql://, postgres:// or jdbc:postgresql://");
        }
        Map<String, String> params = new LinkedHashMap<>();
        int q = rest.indexOf('?');
        if (q >= 0) {
            for (String pair : rest.substring(q + 1).split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                if (eq <= 0) {
                    throw malformed(config, "parameter '" + pair + "' has no value (write name=value)");
                }
                String name = decode(pair.substring(0, eq), config);
                params.put(LIBPQ_TO_PGJDBC.getOrDefault(name, name), decode(pair.substring(eq + 1), config));
            }
            rest = rest.substring(0, q);
        }
        String user = null;
        String password = null;
        int at = rest.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = rest.substring(0, at);
            rest = rest.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon), config);
            password = colon < 0 ? null : decode(userInfo.substring(colon + 1), config);
        }
        int slash = rest.indexOf('/');
        String hosts = slash < 0 ? rest : rest.substring(0, slash);
        String database = slash < 0 ? "" : decode(rest.substring(slash + 1), config);
        if (hosts.isEmpty()) {
            hosts = "localhost";
        }
        for (String host : hosts.split(",")) {
            checkHost(host, config);
        }
        if (database.contains("/")) {
            throw malformed(config, "the database name '" + database + "' contains '/'");
        }
        if (params.containsKey("user")) {
            user = params.remove("user");
        }
        if (params.containsKey("password")) {
            password = params.remove("password");
        }
        params.putAll(config.properties());
        if (config.user() != null) {
            user = config.user();
        }
        if (config.password() != null) {
            password = config.password();
        }
        String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return new PostgresUrl(jdbcUrl, user, password, params);
    }

    private static void checkHost(String host, DatabaseConfig config) {
        String port = null;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                throw malformed(config, "the IPv6 address '" + host + "' lacks its closing ']'");
            }
            if (host.length() > end + 1) {
                if (host.charAt(end + 1) != ':') {
                    throw malformed(config, "unexpected text after the IPv6 address in '" + host + "'");
                }
                port = host.substring(end + 2);
            }
        } else {
            int colon = host.indexOf(':');
            if (colon == 0) {
                throw malformed(config, "host is missing before ':' in '" + host + "'");
            }
            if (colon > 0) {
                port = host.substring(colon + 1);
            }
        }
        if (port != null) {
            int value;
            try {
                value = Integer.parseInt(port);
            } catch (NumberFormatException e) {
                throw malformed(config, "port '" + port + "' is not a number");
            }
            if (value < 1 || value > 65535) {
                throw malformed(config, "port " + value + " is outside 1-65535");
            }
        }
    }

    private static String decode(String s, DatabaseConfig config) {
        try {
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw malformed(config, "it has a broken %-escape");
        }
    }

    private static ConfigurationException malformed(DatabaseConfig config, String problem) {
        return new ConfigurationException("Malformed PostgreSQL URL '" + config.maskedUrl() + "': " + problem
                + ". Use postgresql://user:password@host:5432/database?sslmode=require"
                + " (percent-encode special characters in the password).");
    }

    @Override
    public String toString() {
        return jdbcUrl + " user=" + user + " password=" + (password == null ? "null" : "***");
    }
}
