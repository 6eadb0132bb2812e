package io.dataport.postgres;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseConfig;
import io.dataport.DatabaseUrl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A parsed PostgreSQL URL ({@link DatabaseUrl}) put the way pgjdbc needs it: a JDBC URL without secrets, the
 * user and password apart, and the connection properties. libpq parameter names ({@code connect_timeout},
 * {@code application_name}) are translated to pgjdbc's.
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

    /** The libpq parameter names Dataport translates, beside pgjdbc's own. */
    static Set<String> libpqNames() {
        return LIBPQ_TO_PGJDBC.keySet();
    }

    static PostgresUrl parse(DatabaseConfig config) {
        DatabaseUrl url = config.url();
        if (!url.hasHosts()) {
            throw new ConfigurationException("Malformed PostgreSQL URL '" + url + "': it does not name a host the way "
                    + "postgresql://, postgres:// or jdbc:postgresql:// URLs do. Use "
                    + "postgresql://user:password@host:5432/database?sslmode=require.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        config.parameters().forEach((name, value) -> params.put(LIBPQ_TO_PGJDBC.getOrDefault(name, name), value));
        String user = url.user();
        String password = url.password();
        if (params.containsKey("user")) {
            user = params.remove("user");
        }
        if (params.containsKey("password")) {
            password = params.remove("password");
        }
        if (config.user() != null) {
            user = config.user();
        }
        if (config.password() != null) {
            password = config.password();
        }
        String hosts = url.hosts().isEmpty() ? "localhost" : String.join(",", url.hosts());
        String database = url.database() == null ? "" : url.database();
        String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return new PostgresUrl(jdbcUrl, user, password, params);
    }

    @Override
    public String toString() {
        return jdbcUrl + " user=" + user + " password=" + (password == null ? "null" : "***");
    }
}
