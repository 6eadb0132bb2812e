package io.dataport.postgres;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseConfig;
import io.dataport.DatabaseUrl;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

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
    /** libpq's {@code target_session_attrs} values, as pgjdbc's {@code targetServerType} spells them. */
    private static final Map<String, String> LIBPQ_TARGETS = Map.of(
            "read-write", "primary",
            "primary", "primary",
            "read-only", "secondary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary",
            "any", "any");
    /** A replica given as {@code host}, {@code host:port} or {@code [v6]:port}. */
    private static final Pattern HOST_PORT = Pattern.compile("(\\[[0-9a-fA-F:.]+]|[^\\s/:@?,\\[\\]]+)(:\\d{1,5})?");
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
        config.parameters().forEach((name, value) -> params.put(LIBPQ_TO_PGJDBC.getOrDefault(name, name),
                name.equals("target_session_attrs") ? target(value, url) : value));
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

    /** libpq's {@code target_session_attrs} value as pgjdbc's {@code targetServerType}. */
    private static String target(String value, DatabaseUrl url) {
        String target = LIBPQ_TARGETS.get(value.strip().toLowerCase(java.util.Locale.ROOT));
        if (target == null) {
            throw new ConfigurationException("Invalid PostgreSQL setting target_session_attrs='" + value + "' in '" + url
                    + "': use read-write (the primary, for failover), primary, standby, prefer-standby, read-only or "
                    + "any.");
        }
        return target;
    }

    /**
     * The URL of a read replica: {@code host[:port]} takes this URL's user, password, database and settings; a
     * whole URL its own where it gives them. Never a {@code targetServerType}: a replica is a standby.
     */
    PostgresUrl replica(String replica) {
        String hosts;
        String replicaUser = user;
        String replicaPassword = password;
        String replicaDatabase = database;
        Map<String, String> params = new LinkedHashMap<>(properties);
        if (replica.contains("://")) {
            DatabaseUrl r = DatabaseUrl.parse(replica);
            if (!r.hasHosts() || r.hosts().isEmpty()) {
                throw new ConfigurationException("Replica URL '" + r + "' names no host. Give host:port, or a URL "
                        + "such as postgresql://user:password@standby:5432/database.");
            }
            hosts = String.join(",", r.hosts());
            replicaUser = r.user() != null ? r.user() : user;
            replicaPassword = r.password() != null ? r.password() : password;
            replicaDatabase = r.database() != null ? r.database() : database;
            r.parameters().forEach((name, value) -> params.put(LIBPQ_TO_PGJDBC.getOrDefault(name, name), value));
        } else if (HOST_PORT.matcher(replica).matches()) {
            hosts = replica;
        } else {
            throw new ConfigurationException("Invalid replica '" + replica + "': give host:port of a standby, such as "
                    + "standby1:5432, or its URL.");
        }
        params.remove("targetServerType");
        params.remove("user");
        params.remove("password");
        String jdbc = "jdbc:postgresql://" + hosts + "/" + URLEncoder.encode(replicaDatabase, StandardCharsets.UTF_8);
        return new PostgresUrl(jdbc, replicaUser, replicaPassword, replicaDatabase, connectTimeoutSeconds,
                loginTimeoutSeconds, params);
    }

    /** The hosts of this URL, as pgjdbc's URL names them, for messages. */
    String hosts() {
        return jdbcUrl.substring("jdbc:postgresql://".length(), jdbcUrl.lastIndexOf('/'));
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
