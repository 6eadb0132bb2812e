package io.dataport.spi;

import io.dataport.DatabaseConfig;

import java.util.List;
import java.util.Locale;

/**
 * A database backend: the one extension point of Dataport, found with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/io.dataport.spi.Backend}.
 *
 * <p>A backend recognises its URLs by prefix alone ({@link #accepts}) and, for each opened
 * {@link io.dataport.Database}, starts a {@link Connector} that owns the connections, transactions and error
 * translation. Exactly one backend on the class path may accept a URL. Implementations are stateless and
 * thread-safe.
 */
public interface Backend {

    /** The short name users see in messages and in {@link io.dataport.Database#backend()}, e.g. {@code "sqlite"}. */
    String name();

    /** The URL prefixes this backend accepts, lower case, e.g. {@code "sqlite:"} and {@code "jdbc:sqlite:"}. */
    List<String> urlPrefixes();

    /** The Maven artifact that brings this backend, named in the error for a URL nobody accepts. */
    String artifact();

    /** Whether this backend handles the URL: a prefix test only, with no I/O. */
    default boolean accepts(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        for (String prefix : urlPrefixes()) {
            if (lower.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts the backend for one database: parses the URL, opens or prepares its pool. Fails with
     * {@link io.dataport.ConfigurationException} for a URL or option it cannot use.
     */
    Connector connect(DatabaseConfig config);
}
