package io.dataport.postgres.reliability;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, for what the shared server must not be changed for (its login rules):
 * {@code initdb} in a temporary directory, listening on 127.0.0.1 on a free port with {@code scram-sha-256}
 * for TCP logins (trust on its Unix socket, inside the directory), started with {@code pg_ctl -w}. Run as root,
 * the server runs as the {@code postgres} OS user ({@code runuser}). {@link #close()} stops it at once and
 * deletes the directory.
 *
 * <p>When {@code initdb} is missing or the cluster cannot start, the calling test is skipped with the reason,
 * except under {@code CI=true}, where it fails: CI must run it.
 *
 * <pre>{@code try (PrivateCluster pg = PrivateCluster.start()) { pg.sql("create role app login password 'x'"); }}</pre>
 */
final class PrivateCluster implements AutoCloseable {
    /** The PostgreSQL 15 binaries of Debian's packages; else {@code initdb} on the PATH. */
    static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private final Path bin;
    private final Path dir;
    private final boolean asPostgres;
    private final String superPassword = "su-" + UUID.randomUUID();
    private int port;
    private boolean started;

    private PrivateCluster(Path bin, Path dir, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.asPostgres = asPostgres;
    }

    /** Creates and starts a cluster; skips (or, under CI, fails) the calling test when that is impossible. */
    static PrivateCluster start() {
        Path bin = findBin();
        if (bin == null) {
            unavailable("initdb was found neither in " + DEFAULT_BIN + " nor on the PATH (install PostgreSQL 15's "
                    + "server binaries, e.g. the postgresql-15 package)", null);
        }
        PrivateCluster cluster = null;
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = Files.createTempDirectory("dataport-pg-");
            cluster = new PrivateCluster(bin, dir, root);
            cluster.init();
            cluster.run();
            return cluster;
        } catch (Exception | AssertionError e) {
            if (cluster != null) {
                cluster.close();
            }
            unavailable("the private PostgreSQL cluster did not start: " + e.getMessage(), e);
            throw new AssertionError("unreachable");
        }
    }

    private static Path findBin() {
        if (Files.isExecutable(DEFAULT_BIN.resolve("initdb"))) {
            return DEFAULT_BIN;
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path initdb = Path.of(entry).resolve("initdb");
            if (!entry.isEmpty() && Files.isExecutable(initdb)) {
                try {
                    return initdb.toRealPath().getParent();
                } catch (IOException e) {
                    return initdb.getParent();
                }
            }
        }
        return null;
    }

    private static void unavailable(String reason, Throwable cause) {
        String message = "PostgreSQL login tests need a private cluster, but " + reason + ".";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true: these tests must run, not skip.)", cause);
        }
        Assumptions.abort(message + " Skipped outside CI.");
    }

    private void init() throws IOException, InterruptedException {
        if (asPostgres) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, superPassword + "\n", StandardCharsets.UTF_8);
        command(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "postgres", "--pwfile=" + pwfile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        Files.delete(pwfile);
        Files.writeString(data().resolve("pg_hba.conf"), "local all all trust\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n", StandardCharsets.UTF_8);
    }

    /** Starts the server on a free port; a port taken meanwhile by someone else gets one more try. */
    private void run() throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            port = TcpProxy.freePort();
            Files.writeString(data().resolve("postgresql.auto.conf"), "port = " + port + "\n"
                    + "listen_addresses = '127.0.0.1'\n"
                    + "unix_socket_directories = '" + dir + "'\n"
                    + "password_encryption = 'scram-sha-256'\n"
                    + "max_connections = 20\n"
                    + "shared_buffers = '16MB'\n"
                    + "fsync = off\n", StandardCharsets.UTF_8);
            try {
                command(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("server.log")
                        .toString(), "-w", "-t", "60", "start");
                started = true;
                return;
            } catch (IOException e) {
                if (attempt >= 2) {
                    throw new IOException(e.getMessage() + "; server log: " + serverLog(), e);
                }
            }
        }
    }

    /** A libpq URL to this cluster: {@code userInfo} is {@code user} or {@code user:password}. */
    String url(String userInfo, String database) {
        return "postgresql://" + userInfo + "@127.0.0.1:" + port + "/" + database + "?sslmode=disable";
    }

    /** Runs statements as the superuser, each in auto-commit (CREATE DATABASE needs that). */
    void sql(String... statements) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port
                + "/postgres?sslmode=disable", "postgres", superPassword);
             Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    private Path data() {
        return dir.resolve("data");
    }

    private String serverLog() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(none)";
        }
    }

    /** Runs a PostgreSQL program (as the postgres OS user when this JVM runs as root); fails on a non-zero exit. */
    private void command(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>();
        if (asPostgres) {
            line.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        line.addAll(List.of(args));
        Path out = Files.createTempFile("dataport-pg-cmd-", ".txt");
        try {
            Process p = new ProcessBuilder(line).redirectErrorStream(true).redirectOutput(out.toFile()).start();
            if (!p.waitFor(COMMAND_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", line) + " did not finish within " + COMMAND_TIMEOUT_SECONDS
                        + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException(String.join(" ", line) + " exited with " + p.exitValue() + ": "
                        + Files.readString(out).strip());
            }
        } finally {
            Files.deleteIfExists(out);
        }
    }

    /** Stops the server at once (no checkpoint) and deletes the directory; never throws. */
    @Override
    public void close() {
        if (started) {
            try {
                command(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate", "-w", "stop");
            } catch (IOException e) {
                System.err.println("PrivateCluster: stop failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            started = false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("PrivateCluster: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
