package io.dataport.mysql;

import io.dataport.Database;
import io.dataport.contract.DatabaseTarget;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * MySQL or MariaDB for the contract suite: every call makes a new database on the test server and returns its
 * URL, so tests (and builds running side by side) never share tables. The databases are dropped when the JVM
 * exits.
 */
public final class MysqlTarget implements DatabaseTarget {
    public static final MysqlTarget INSTANCE = new MysqlTarget();
    private final List<String> databases = new CopyOnWriteArrayList<>();
    private volatile boolean cleanupRegistered;

    private MysqlTarget() {
    }

    @Override
    public String backend() {
        return "mysql";
    }

    @Override
    public String freshUrl() {
        String base = MysqlTestServer.url();
        String database = "dp_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Database admin = Database.open(base)) {
            admin.useSession(s -> s.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE "
                    + MysqlDialect.COLLATION));
        }
        databases.add(database);
        registerCleanup(base);
        return MysqlTestServer.withDatabase(base, database);
    }

    /** The URL of the server's own database, for tests that need no fresh one. */
    public String serverUrl() {
        return MysqlTestServer.url();
    }

    private synchronized void registerCleanup(String base) {
        if (cleanupRegistered) {
            return;
        }
        cleanupRegistered = true;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Database admin = Database.open(base)) {
                for (String database : databases) {
                    admin.useSession(s -> s.execute("DROP DATABASE IF EXISTS " + database));
                }
            } catch (RuntimeException e) {
                // The server may be gone already; leftover databases are named dp_test_* and harmless.
            }
        }));
    }
}
