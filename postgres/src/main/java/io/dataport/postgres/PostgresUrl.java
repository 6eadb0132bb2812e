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
 * user and password apart, the connect timeout, and the other connection properties. libpq parameter names
 * ({@code connect_timeout}, {@code application_name}) are translated to pgjdbc's.
 */
final class PostgresUrl {
    private static final Map<String, String> LIBPQ_TO_PGJDBC = Map.of(
            "connect_timeout", "connectTimeout",
            "application_name", "ApplicationName",
            "target_session_attrs", "targetServerType",
            "keepalives", "tcpKeepAlive");
    /** The connect timeout when the URL sets none (and the builder's connectionTimeout is not shorter). */
    static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 5;

    final String jdbcUrl;
    final String user;
    final String password;
    /** The database named, empty when the URL names none. */
    final String database;
    /** pgjdbc's {@code connectTimeout}: the TCP connect, in seconds; 0 = no limit. */
    final int connectTimeoutSeconds;
    /** pgjdbc's {@code loginTimeout}: the TCP connect and the login together, in seconds; 0 = no limit. */
    final int loginTimeoutSeconds;
    /** The other pgjdbc properties. */
    final Map<String, String> properties;

    private PostgresUrl(String jdbcUrl, String user, String password, String database, int connectTimeoutSeconds,
                        int loginTimeoutSeconds, Map<String, String> properties) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.database = database;
        this.connectTimeoutSeconds = connectTimeoutSeconds;
        this.loginTimeoutSeconds = loginTimeoutSeconds;
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
        // Credentials go to the driver apart from the other settings.
        params.remove("user");
        params.remove("password");
        String user = config.loginUser();
        String password = config.loginPassword();
        // One connect timeout bounds the TCP connect and the login: libpq's connect_timeout (pgjdbc's
        // connectTimeout) sets both, a loginTimeout alone too; each pgjdbc name given keeps its own value.
        Integer connect = seconds(params.remove("connectTimeout"), "connectTimeout (connect_timeout)", url);
        Integer login = seconds(params.remove("loginTimeout"), "loginTimeout", url);
        long poolWaitSeconds = Math.max(1, (config.connectionTimeout().toMillis() + 999) / 1000);
        int timeout = connect != null ? connect : login != null ? login
                : (int) Math.min(DEFAULT_CONNECT_TIMEOUT_SECONDS, poolWaitSeconds);
        String hosts = url.hosts().isEmpty() ? "localhost" : String.join(",", url.hosts());
        String database = url.database() == null ? "" : url.database();
        String jdbcUrl = "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(database, StandardCharsets.UTF_8);
        return new PostgresUrl(jdbcUrl, user, password, database, connect != null ? connect : timeout,
                login != null ? login : timeout, params);
    }

    /** A timeout setting in whole seconds, 0 or more; null when not set. */
    private static Integer seconds(String value, String name, DatabaseUrl url) {
        if (value == null) {
            return null;
        }
        try {
            int seconds = Integer.parseInt(value.strip());
            if (seconds >= 0) {
                return seconds;
            }
        } catch (NumberFormatException e) {
            // Worded below.
        }
        throw new ConfigurationException("Invalid PostgreSQL setting " + name + "='" + value + "' in '" + url
                + "': give whole seconds, such as connect_timeout=5 (0 waits without limit).");
    }

    @Override
    public String toString() {
        return jdbcUrl + " user=" + user + " password=" + (password == null ? "null" : "***");
    }
}
