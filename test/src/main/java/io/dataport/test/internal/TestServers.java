package io.dataport.test.internal;

import io.dataport.Database;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Finds each backend's test server once per JVM (see {@code TestDatabase} for the order) and drops, at the JVM's
 * exit, the test databases still open.
 */
public final class TestServers {
    /** A server found (its URL), or why none was. */
    private record Found(String url, String problem) {
    }

    /** The value of a server's environment variable that says there is none: its tests are skipped (failed in CI). */
    public static final String OFF = "off";
    private static final Map<ServerKind, Found> FOUND = new ConcurrentHashMap<>();
    private static final List<Runnable> LEFT_OPEN = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            for (Runnable drop : LEFT_OPEN) {
                try {
                    drop.run();
                } catch (RuntimeException e) {
                    // The server may be gone already; leftovers are named dp_test_* and harmless.
                }
            }
            ServerKind.Admins.closeAll();
        }, "dataport-test-cleanup"));
    }

    private TestServers() {
    }

    /**
     * The server's URL.
     *
     * @param kind the backend
     * @return the URL; {@code sqlite:} for SQLite
     * @throws IllegalStateException when none is found, saying how to provide one
     */
    public static String require(ServerKind kind) {
        Found found = find(kind);
        if (found.url() == null) {
            throw new IllegalStateException(found.problem());
        }
        return found.url();
    }

    /**
     * Why no server of the backend is found, with what to do about it; null when one is.
     *
     * @param kind the backend
     * @return the problem, or null
     */
    public static String problem(ServerKind kind) {
        return find(kind).problem();
    }

    /**
     * Drops a test database at the JVM's exit if it is still open then.
     *
     * @param close closes (drops) it; must do nothing when already closed
     */
    public static void dropAtExit(Runnable close) {
        LEFT_OPEN.add(close);
    }

    private static Found find(ServerKind kind) {
        return FOUND.computeIfAbsent(kind, TestServers::search);
    }

    private static Found search(ServerKind kind) {
        if (!kind.hasServer()) {
            return new Found("sqlite:", null);
        }
        String fromEnv = System.getenv(kind.envVariable());
        if (fromEnv != null && fromEnv.strip().equals(OFF)) {
            return new Found(null, kind.envVariable() + "=" + OFF + ": no " + kind.displayName() + " server for the "
                    + "tests on this machine. Set " + kind.envVariable() + " to a URL such as "
                    + kind.localUrl + " to run them.");
        }
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new Found(fromEnv.strip(), null);
        }
        String container = Containers.start(kind);
        if (container != null) {
            return new Found(container, null);
        }
        String how = "Provide one: set " + kind.envVariable() + " to its URL, or start Docker (with "
                + "org.testcontainers:testcontainers-" + (kind == ServerKind.POSTGRES ? "postgresql" : "mariadb")
                + " on the test class path), or run " + kind.displayName() + " on localhost:" + kind.port() + ".";
        if (!portOpen(kind.port())) {
            return new Found(null, "No " + kind.displayName() + " server for the tests: " + kind.envVariable()
                    + " is not set, no Docker engine answers, and nothing listens on localhost:" + kind.port() + ". "
                    + how);
        }
        String local = kind.localUrl();
        try (Database probe = Database.open(local)) {
            probe.ping();
            return new Found(local, null);
        } catch (RuntimeException e) {
            return new Found(null, "No " + kind.displayName() + " server for the tests: localhost:" + kind.port()
                    + " answers, but " + Database.class.getSimpleName() + ".open(\"" + io.dataport.DatabaseUrl.mask(local)
                    + "\") failed (" + e.getMessage() + "). " + how);
        }
    }

    private static boolean portOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 1000);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
