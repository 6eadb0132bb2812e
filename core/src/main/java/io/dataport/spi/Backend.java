package io.dataport.spi;

import io.dataport.DatabaseConfig;

import java.util.List;
import java.util.Locale;
import java.util.Set;

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

    /**
     * The short name users see in messages and in {@link io.dataport.Database#backend()}, e.g. {@code "sqlite"}.
     *
     * @return the backend's name
     */
    String name();

    /**
     * The database's name as people write it, for messages, e.g. {@code "SQLite"}; the default is {@link #name()}.
     *
     * @return the display name
     */
    default String displayName() {
        return name();
    }

    /**
     * The URL prefixes this backend accepts, lower case, e.g. {@code "sqlite:"} and {@code "jdbc:sqlite:"}.
     *
     * @return the prefixes
     */
    List<String> urlPrefixes();

    /**
     * The Maven artifact that brings this backend, named in the error for a URL nobody accepts.
     *
     * @return the artifact as {@code groupId:artifactId}, e.g. {@code "io.dataport:dataport-sqlite"}
     */
    String artifact();

    /**
     * Whether this backend handles the URL: a prefix test only, with no I/O.
     *
     * @param url the database URL
     * @return true when the URL starts with one of the {@linkplain #urlPrefixes() prefixes}, ignoring case
     */
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
     * The settings this backend understands in the URL's query and in {@code Database.Builder.property}, in its
     * own spelling (SQLite pragmas, pgjdbc properties). Core refuses any other name with a
     * {@link io.dataport.ConfigurationException} listing these, and hands each known one on in this spelling
     * ({@link DatabaseConfig#parameters()}), matched ignoring case: one rule on every backend.
     *
     * @return the setting names, in the backend's spelling
     */
    Set<String> parameterNames();

    /**
     * Starts the backend for one database from its parsed URL ({@link DatabaseConfig#url()}) and settings:
     * opens or prepares its pool. Fails with {@link io.dataport.ConfigurationException} for a URL or value it
     * cannot use.
     *
     * @param config the database's settings
     * @return the running connector, closed with the database
     * @throws io.dataport.ConfigurationException for a URL or value the backend cannot use
     */
    Connector connect(DatabaseConfig config);
}
