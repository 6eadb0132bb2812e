package io.dataport.sqlite;

import io.dataport.ConfigurationException;
import io.dataport.DatabaseConfig;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The parsed SQLite URL and pragmas: validated once, before any file is touched. */
final class SqliteSettings {
    static final int DEFAULT_READERS = 8;
    /** The settings a URL or property may give: the pragmas Dataport applies on every connection. */
    static final Set<String> PRAGMAS = Set.of("synchronous", "journal_mode", "busy_timeout", "foreign_keys");
    private static final Set<String> SYNCHRONOUS = Set.of("OFF", "NORMAL", "FULL", "EXTRA");
    private static final Set<String> JOURNAL_MODES = Set.of("WAL", "DELETE", "TRUNCATE", "PERSIST", "MEMORY", "OFF");
    private static final Set<String> ON_OFF = Set.of("ON", "OFF", "1", "0", "TRUE", "FALSE");

    final Path path;               // null for :memory:
    final String synchronous;
    final String journalMode;
    final int busyTimeoutMillis;
    final boolean foreignKeys;
    final int readers;

    private SqliteSettings(Path path, Map<String, String> pragmas, int readers) {
        this.path = path;
        this.synchronous = pragmas.getOrDefault("synchronous", "NORMAL");
        this.journalMode = pragmas.getOrDefault("journal_mode", "WAL");
        this.busyTimeoutMillis = Integer.parseInt(pragmas.getOrDefault("busy_timeout", "5000"));
        this.foreignKeys = isOn(pragmas.getOrDefault("foreign_keys", "ON"));
        this.readers = readers;
    }

    boolean inMemory() {
        return path == null;
    }

    String jdbcUrl() {
        return inMemory() ? "jdbc:sqlite::memory:" : "jdbc:sqlite:" + path;
    }

    static SqliteSettings parse(DatabaseConfig config) {
        String url = config.maskedUrl();
        if (config.url().hasHosts()) {
            throw new ConfigurationException("SQLite URL names a host: '" + url + "'. SQLite opens a file: write "
                    + "sqlite:path/app.db (or sqlite:/absolute/path/app.db).");
        }
        String rest = config.url().database();
        Map<String, String> pragmas = new LinkedHashMap<>(config.parameters());
        validate(pragmas);

        Path path = null;
        if (!rest.isEmpty() && !rest.equals(":memory:")) {
            if (rest.startsWith("file:")) {
                throw new ConfigurationException("SQLite URL uses a file: URI: '" + url
                        + "'. Write the plain path instead, e.g. sqlite:data/app.db.");
            }
            path = Path.of(rest).toAbsolutePath().normalize();
            Path dir = path.getParent();
            if (dir != null && !Files.isDirectory(dir)) {
                throw new ConfigurationException("SQLite database directory does not exist: " + dir
                        + ". Create it first, or fix the path in '" + url + "'.");
            }
            if (Files.isDirectory(path)) {
                throw new ConfigurationException("SQLite database path is a directory: " + path
                        + ". Name a file, e.g. sqlite:" + rest + "/app.db.");
            }
            if (config.readOnly() && !Files.exists(path)) {
                throw new ConfigurationException("SQLite database file does not exist: " + path
                        + ". A read-only Database cannot create it; open it read-write once, or fix the path.");
            }
        } else if (rest.isEmpty()) {
            throw new ConfigurationException("SQLite URL names no file: '" + url
                    + "'. Use sqlite:app.db for a file or sqlite::memory: for an in-memory database.");
        } else if (config.readOnly()) {
            throw new ConfigurationException("An in-memory SQLite database cannot be read-only: it would stay empty."
                    + " Drop readOnly(true), or open a database file.");
        }
        int readers = config.maxPoolSize() > 0 ? config.maxPoolSize() : DEFAULT_READERS;
        return new SqliteSettings(path, pragmas, readers);
    }

    private static void validate(Map<String, String> pragmas) {
        for (Map.Entry<String, String> e : pragmas.entrySet()) {
            String value = e.getValue().toUpperCase(Locale.ROOT);
            switch (e.getKey()) {
                case "synchronous":
                    require(SYNCHRONOUS.contains(value), e, "one of OFF, NORMAL, FULL, EXTRA");
                    e.setValue(value);
                    break;
                case "journal_mode":
                    require(JOURNAL_MODES.contains(value), e, "one of WAL, DELETE, TRUNCATE, PERSIST, MEMORY, OFF");
                    e.setValue(value);
                    break;
                case "busy_timeout":
                    require(value.matches("\\d{1,9}"), e, "a whole number of milliseconds");
                    break;
                case "foreign_keys":
                    require(ON_OFF.contains(value), e, "ON or OFF");
                    break;
                default:
                    // Core refuses the names not in PRAGMAS before the backend sees them.
                    break;
            }
        }
    }

    private static void require(boolean ok, Map.Entry<String, String> e, String expected) {
        if (!ok) {
            throw new ConfigurationException("SQLite setting " + e.getKey() + " has an invalid value: '" + e.getValue()
                    + "'. Use " + expected + ".");
        }
    }

    private static boolean isOn(String value) {
        String v = value.toUpperCase(Locale.ROOT);
        return v.equals("ON") || v.equals("1") || v.equals("TRUE");
    }
}
