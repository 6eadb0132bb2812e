package io.dataport;

import io.dataport.internal.Urls;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The validated, immutable settings of one {@link Database}, made by {@link Database.Builder}. Backends read
 * it; applications usually never touch it. {@link #toString()} never shows the password.
 */
public final class DatabaseConfig {
    private final String url;
    private final String user;
    private final String password;
    private final int maxPoolSize;
    private final Duration connectionTimeout;
    private final boolean readOnly;
    private final int maxAttempts;
    private final Duration retryBackoff;
    private final boolean showParameterValues;
    private final Map<String, String> properties;

    DatabaseConfig(Database.Builder b) {
        this.url = b.url;
        this.user = b.user;
        this.password = b.password;
        this.maxPoolSize = b.maxPoolSize;
        this.connectionTimeout = b.connectionTimeout;
        this.readOnly = b.readOnly;
        this.maxAttempts = b.maxAttempts;
        this.retryBackoff = b.retryBackoff;
        this.showParameterValues = b.showParameterValues;
        this.properties = Collections.unmodifiableMap(new LinkedHashMap<>(b.properties));
    }

    /** The URL as the application gave it (it may hold a password: never log it, use {@link #maskedUrl()}). */
    public String url() {
        return url;
    }

    /** The URL with any password replaced by {@code ***}: safe for messages and logs. */
    public String maskedUrl() {
        return Urls.mask(url);
    }

    /** The user set on the builder, or {@code null} to use the URL's. */
    public String user() {
        return user;
    }

    /** The password set on the builder, or {@code null} to use the URL's. */
    public String password() {
        return password;
    }

    /** The most connections the pool holds; {@code 0} lets the backend choose. */
    public int maxPoolSize() {
        return maxPoolSize;
    }

    /** How long to wait for a connection (from the pool, or the server) before failing. */
    public Duration connectionTimeout() {
        return connectionTimeout;
    }

    /** Whether every connection and transaction is read-only. */
    public boolean readOnly() {
        return readOnly;
    }

    /** How many times a transaction is attempted when it conflicts with another; 1 means no retry. */
    public int maxAttempts() {
        return maxAttempts;
    }

    /** The first backoff before a retry; later ones double, with jitter. */
    public Duration retryBackoff() {
        return retryBackoff;
    }

    /** Whether exception messages may show bound parameter values. */
    public boolean showParameterValues() {
        return showParameterValues;
    }

    /** Backend properties set with {@link Database.Builder#property}: pragmas, driver settings. */
    public Map<String, String> properties() {
        return properties;
    }

    @Override
    public String toString() {
        return "DatabaseConfig[url=" + maskedUrl() + ", user=" + user + ", password=" + (password == null ? "null" : "***")
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout + ", readOnly=" + readOnly
                + ", maxAttempts=" + maxAttempts + ", retryBackoff=" + retryBackoff
                + ", showParameterValues=" + showParameterValues + ", properties=" + Urls.maskProperties(properties) + "]";
    }
}
