package io.dataport.postgres;

import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * PostgreSQL for the contract suite: every call makes a new schema on the test server and returns a URL whose
 * {@code currentSchema} is that schema, so tests (and builds running side by side) never share tables. The
 * schemas are dropped when the JVM exits.
 */
public final class PostgresTarget implements DatabaseTarget {
    public static final PostgresTarget INSTANCE = new PostgresTarget();
    private final List<String> schemas = new CopyOnWriteArrayList<>();
    private volatile boolean cleanupRegistered;

    private PostgresTarget() {
    }

    @Override
    public String backend() {
        return "postgres";
    }

    @Override
    public String freshUrl() {
        String base = PostgresTestServer.url();
        String schema = "dp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Database admin = Database.open(base)) {
            admin.useSession(s -> s.execute("create schema " + schema));
        }
        schemas.add(schema);
        registerCleanup(base);
        return PostgresTestServer.withParameter(base, "currentSchema", schema);
    }

    /** The URL of the server itself, for tests that need a database without a fresh schema. */
    public String serverUrl() {
        return PostgresTestServer.url();
    }

    private synchronized void registerCleanup(String base) {
        if (cleanupRegistered) {
            return;
        }
        cleanupRegistered = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Database admin = Database.open(base)) {
                for (String schema : schemas) {
                    admin.useSession(s -> s.execute("drop schema if exists " + schema + " cascade"));
                }
            } catch (RuntimeException e) {
                // The server may be gone already; leftover schemas are named dp_test_* and harmless.
            }
        }));
    }
}
