package io.dataport.mysql;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseConfig;
import io.dataport.spi.Backend;
import io.dataport.spi.Connector;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The MySQL and MariaDB backend: accepts {@code mysql://user:password@host:3306/db}, {@code mariadb://...},
 * {@code jdbc:mysql://...} and {@code jdbc:mariadb://...}. Connects with MariaDB Connector/J, pools with
 * HikariCP. Found by {@link java.util.ServiceLoader}.
 */
public final class MysqlBackend implements Backend {
    /** The system property that turns Connector/J's own logging off; an application may set it either way. */
    static final String DRIVER_LOGGING_OFF = "mariadb.logging.disable";

    static {
        // Connector/J logs every error the server sends at WARN, with the server's message, which quotes the
        // values (Duplicate entry 'alice@example.com'): Dataport reports those failures itself, with the values
        // hidden unless showParameterValues is on. Set before the driver's first class is loaded.
        if (System.getProperty(DRIVER_LOGGING_OFF) == null) {
            System.setProperty(DRIVER_LOGGING_OFF, "true");
        }
    }

    /** Connector/J's configuration fields that are not connection properties. */
    private static final Set<String> NOT_PROPERTIES = Set.of("addresses", "haMode", "initialUrl", "nonMappedOptions",
            "codecs", "database");
    private static final Set<String> NAMES;

    static {
        NAMES = names();
    }

    /** Every connection property of MariaDB Connector/J, read off its {@code Configuration} so they stay in step. */
    private static Set<String> names() {
        Set<String> names = new LinkedHashSet<>();
        for (Field field : org.mariadb.jdbc.Configuration.class.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !NOT_PROPERTIES.contains(field.getName())) {
                names.add(field.getName());
            }
        }
        return Set.copyOf(names);
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public String displayName() {
        return "MySQL";
    }

    /** Every MariaDB Connector/J connection property ({@code connectTimeout}, {@code sslMode}, ...). */
    @Override
    public Set<String> parameterNames() {
        return NAMES;
    }

    @Override
    public List<String> urlPrefixes() {
        return List.of("mysql:", "mariadb:", "jdbc:mysql:", "jdbc:mariadb:");
    }

    @Override
    public String artifact() {
        return "io.dataport:dataport-mysql";
    }

    @Override
    public Connector connect(DatabaseConfig config) {
        if (!config.replicas().isEmpty()) {
            throw new ConfigurationException("Read replicas are not supported on MySQL/MariaDB yet (replicas: "
                    + String.join(", ", config.replicas()) + "): remove the replica settings, or open a second "
                    + "Database on the replica's URL, read-only, for the reads that may lag.");
        }
        return new MysqlConnector(MysqlUrl.parse(config), config);
    }
}
