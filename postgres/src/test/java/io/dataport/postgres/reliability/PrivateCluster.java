package io.dataport.postgres.reliability;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of a test's own, for what the shared server must not be changed for (its login rules, its
 * replication, stopping it): {@code initdb} in a temporary directory, listening on 127.0.0.1 on a free port with
 * {@code scram-sha-256} for TCP logins (trust on its Unix socket, inside the directory), started with
 * {@code pg_ctl -w}. Run as root, the server runs as the {@code postgres} OS user ({@code runuser}).
 * {@link #close()} stops it at once and deletes the directory.
 *
 * <p>Such a cluster is ready to be a primary: {@link #startStandby()} makes a hot standby that streams from it
 * ({@code pg_basebackup -R}, in a directory of its own), itself a {@code PrivateCluster} with the same roles and
 * passwords. A test can pause and resume a standby's replay, wait until it has caught up, stop and start it again
 * on the same port, crash a primary and promote a standby. Every operation is bounded in time: a program gets
 * {@value #PG_CTL_WAIT_SECONDS} s to wait for the server, a wait for a condition fails after its deadline.
 *
 * <p>When {@code initdb} is missing or the first cluster cannot start, the calling test is skipped with the
 * reason, except under {@code CI=true}, where it fails: CI must run it. A standby that does not start fails the
 * test: the primary proved that the machine can run PostgreSQL.
 *
 * <p>Not thread-safe: one test thread at a time drives a cluster. Close a standby before its primary.
 *
 * <pre>{@code
 * try (PrivateCluster primary = PrivateCluster.start(); PrivateCluster standby = primary.startStandby()) {
 *     primary.sql("create role app login password 'x'", "create database shop owner app");
 *     standby.awaitCaughtUp(primary, Duration.ofSeconds(30));
 *     assert "t".equals(standby.query("select pg_is_in_recovery()"));
 * }
 * }</pre>
 */
final class PrivateCluster implements AutoCloseable {
    /** The PostgreSQL 15 binaries of Debian's packages; else {@code initdb} on the PATH. */
    static final Path DEFAULT_BIN = Path.of("/usr/lib/postgresql/15/bin");
    private static final long COMMAND_TIMEOUT_SECONDS = 120;
    /** How long {@code pg_ctl} waits for a start, stop or promotion (less than a command may take). */
    private static final int PG_CTL_WAIT_SECONDS = 60;
    /** The deadline of the waits a test does not choose itself (replay paused, promotion seen). */
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(10);
    private static final String HOST = "127.0.0.1";

    private final Path bin;
    private final Path dir;
    private final boolean asPostgres;
    private final String superPassword;
    private int port;
    private boolean running;

    private PrivateCluster(Path bin, Path dir, boolean asPostgres, String superPassword) {
        this.bin = bin;
        this.dir = dir;
        this.asPostgres = asPostgres;
        this.superPassword = superPassword;
    }

    /** A cluster's preparation of its data directory, before its first start. */
    private interface Preparation {
        void prepare(PrivateCluster cluster) throws IOException, InterruptedException;
    }

    /** Creates and starts a cluster; skips (or, under CI, fails) the calling test when that is impossible. */
    static PrivateCluster start() {
        Path bin = findBin();
        if (bin == null) {
            unavailable("initdb was found neither in " + DEFAULT_BIN + " nor on the PATH (install PostgreSQL 15's "
                    + "server binaries, e.g. the postgresql-15 package)", null);
        }
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            return launch(bin, root, "su-" + UUID.randomUUID(), PrivateCluster::init);
        } catch (Exception | AssertionError e) {
            unavailable("the private PostgreSQL cluster did not start: " + e.getMessage(), e);
            throw new AssertionError("unreachable");
        }
    }

    /**
     * Creates and starts a hot standby of this cluster, streaming from it over this cluster's Unix socket: a base
     * backup ({@code pg_basebackup -R -X stream}) in a new directory, on a free port of its own. Its roles and
     * passwords are this cluster's, so {@link #url} takes the same logins. The caller closes it, before this one.
     *
     * <p>The backup asks for a fast checkpoint: the default, spread over {@code checkpoint_completion_target} of
     * {@code checkpoint_timeout}, made the first standby after a {@code CREATE DATABASE} take over a minute.
     */
    PrivateCluster startStandby() throws IOException, InterruptedException {
        return launch(bin, asPostgres, superPassword, standby -> standby.command(bin.resolve("pg_basebackup")
                .toString(), "-D", standby.data().toString(), "-h", dir.toString(), "-p", String.valueOf(port),
                "-U", "postgres", "-R", "-X", "stream", "--checkpoint=fast"));
    }

    /** Makes a cluster in a new directory, prepares its data directory and starts it; on failure removes it. */
    private static PrivateCluster launch(Path bin, boolean asPostgres, String superPassword, Preparation preparation)
            throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("dataport-pg-");
        if (asPostgres) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService()
                    .lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        PrivateCluster cluster = new PrivateCluster(bin, dir, asPostgres, superPassword);
        try {
            preparation.prepare(cluster);
            cluster.startOnFreePort();
            return cluster;
        } catch (Throwable e) {
            cluster.close();
            throw e;
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
        String message = "This test needs a private PostgreSQL cluster, but " + reason + ".";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + " (CI=true: these tests must run, not skip.)", cause);
        }
        Assumptions.abort(message + " Skipped outside CI.");
    }

    /**
     * Makes a primary's data directory: {@code initdb}, the logins, and what standbys need to stream from it
     * (replication over the Unix socket, WAL senders, WAL kept for a standby whose replay is paused or that is
     * stopped a while). A hot standby needs {@code max_connections} and the like no lower than its primary's; it
     * copies this postgresql.auto.conf, so it has the same, and it retries a lost primary every 200 ms (not every
     * 5 s), so that it streams again soon after its primary comes back.
     */
    private void init() throws IOException, InterruptedException {
        Path pwfile = dir.resolve("pwfile");
        Files.writeString(pwfile, superPassword + "\n", StandardCharsets.UTF_8);
        command(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", "postgres", "--pwfile=" + pwfile,
                "--auth-local=trust", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C", "--no-sync");
        Files.delete(pwfile);
        Files.writeString(data().resolve("pg_hba.conf"), "local all all trust\n"
                + "local replication all trust\n"
                + "host all all 127.0.0.1/32 scram-sha-256\n", StandardCharsets.UTF_8);
        Files.writeString(autoConf(), Files.readString(autoConf(), StandardCharsets.UTF_8)
                + "password_encryption = 'scram-sha-256'\n"
                + "max_connections = 40\n"
                + "shared_buffers = '16MB'\n"
                + "fsync = off\n"
                + "wal_level = replica\n"
                + "max_wal_senders = 10\n"
                + "wal_keep_size = '64MB'\n"
                + "wal_retrieve_retry_interval = '200ms'\n", StandardCharsets.UTF_8);
    }

    /**
     * Starts the server on a free port; a port taken meanwhile by someone else gets one more try. The port, the
     * socket directory and {@code hot_standby} follow what postgresql.auto.conf holds already, where later lines
     * win: a standby's copy of its primary's settings (port and socket directory included) and the
     * {@code primary_conninfo} that {@code pg_basebackup -R} wrote stay.
     */
    private void startOnFreePort() throws IOException, InterruptedException {
        String inherited = Files.readString(autoConf(), StandardCharsets.UTF_8);
        for (int attempt = 1; ; attempt++) {
            port = TcpProxy.freePort();
            Files.writeString(autoConf(), inherited
                    + "port = " + port + "\n"
                    + "listen_addresses = '" + HOST + "'\n"
                    + "unix_socket_directories = '" + dir + "'\n"
                    + "hot_standby = on\n", StandardCharsets.UTF_8);
            try {
                startAgain();
                return;
            } catch (IOException e) {
                if (attempt >= 2) {
                    throw e;
                }
            }
        }
    }

    /**
     * Starts this stopped (or crashed) server again, on its port, and returns once it takes connections; a
     * standby streams from its primary again, a crashed server recovers first.
     */
    void startAgain() throws IOException, InterruptedException {
        try {
            pgCtl("start", "-l", dir.resolve("server.log").toString());
        } catch (IOException e) {
            throw new IOException(e.getMessage() + "; server log: " + serverLog(), e);
        }
        running = true;
    }

    /** Stops the server cleanly ({@code pg_ctl stop -m fast}); its port refuses connections until started again. */
    void stop() throws IOException, InterruptedException {
        stop("fast");
    }

    /** Stops the server as a crash would ({@code -m immediate}: no checkpoint), e.g. a primary in a failover test. */
    void crash() throws IOException, InterruptedException {
        stop("immediate");
    }

    private void stop(String mode) throws IOException, InterruptedException {
        pgCtl("stop", "-m", mode);
        running = false;
    }

    /** Promotes this standby ({@code pg_ctl promote -w}) and returns once it is out of recovery: it takes writes. */
    void promote() throws IOException, InterruptedException, SQLException {
        pgCtl("promote");
        await(STEP_TIMEOUT, () -> "f".equals(query("select pg_is_in_recovery()")),
                () -> "The server on port " + port + " is still in recovery " + STEP_TIMEOUT.toSeconds()
                        + " s after its promotion: " + state());
    }

    /**
     * Pauses this standby's replay ({@code pg_wal_replay_pause()}) and returns once it is paused: WAL it receives
     * from now on is not applied, so a row written on the primary is not visible here, until
     * {@link #resumeReplay()}.
     */
    void pauseReplay() throws SQLException {
        sql("select pg_wal_replay_pause()");
        await(STEP_TIMEOUT, () -> "paused".equals(query("select pg_get_wal_replay_pause_state()")),
                () -> "The standby on port " + port + " did not pause its replay within "
                        + STEP_TIMEOUT.toSeconds() + " s: " + state());
    }

    /** Resumes this standby's replay ({@code pg_wal_replay_resume()}); it applies what it received meanwhile. */
    void resumeReplay() throws SQLException {
        sql("select pg_wal_replay_resume()");
    }

    /**
     * Waits until this standby has replayed the WAL that {@code primary} had written when called
     * ({@code pg_last_wal_replay_lsn() >= pg_current_wal_lsn()}): what was committed there before is visible here.
     * Fails after {@code timeout}, as it does while replay is paused.
     */
    void awaitCaughtUp(PrivateCluster primary, Duration timeout) throws SQLException {
        awaitWal("pg_last_wal_replay_lsn()", "replay", primary, timeout);
    }

    /**
     * Waits until this standby has received (not necessarily replayed) the WAL that {@code primary} had written
     * when called ({@code pg_last_wal_receive_lsn()}), e.g. to show that a paused standby has a row it does not
     * show. Fails after {@code timeout}.
     */
    void awaitReceived(PrivateCluster primary, Duration timeout) throws SQLException {
        awaitWal("pg_last_wal_receive_lsn()", "receive", primary, timeout);
    }

    private void awaitWal(String position, String verb, PrivateCluster primary, Duration timeout)
            throws SQLException {
        String target = primary.query("select pg_current_wal_lsn()");
        await(timeout, () -> "t".equals(query("select coalesce(" + position + " >= '" + target + "', false)")),
                () -> "The standby on port " + port + " did not " + verb + " the primary's WAL up to " + target
                        + " within " + timeout.toMillis() + " ms: " + state());
    }

    /** A condition of a deadline-bounded wait. */
    private interface Condition {
        boolean holds() throws SQLException;
    }

    /**
     * Checks {@code condition} until it holds; fails with {@code failure}'s message once {@code timeout} has
     * passed. The only place of this class that pauses: 10 ms between checks (each opens a connection), so that a
     * wait does not hammer the server; the condition or the deadline, never the pause, ends the wait.
     */
    private static void await(Duration timeout, Condition condition, Supplier<String> failure)
            throws SQLException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(failure.get());
            }
            LockSupport.parkNanos(POLL_INTERVAL_NANOS);
        }
    }

    /** What a timeout message says of this server: recovery, received and replayed WAL, replay paused or not. */
    private String state() {
        try {
            return query("select case when pg_is_in_recovery() then 'in recovery, received '"
                    + " || coalesce(pg_last_wal_receive_lsn()::text, 'nothing') || ', replayed '"
                    + " || coalesce(pg_last_wal_replay_lsn()::text, 'nothing') || ', replay '"
                    + " || pg_get_wal_replay_pause_state() else 'not in recovery, at ' || pg_current_wal_lsn() end");
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    /** The host this cluster listens on, {@code 127.0.0.1}. */
    String host() {
        return HOST;
    }

    /** The TCP port this cluster listens on, the same after {@link #stop()} and {@link #startAgain()}. */
    int port() {
        return port;
    }

    /** A libpq URL to this cluster: {@code userInfo} is {@code user} or {@code user:password}. */
    String url(String userInfo, String database) {
        return "postgresql://" + userInfo + "@" + HOST + ":" + port + "/" + database + "?sslmode=disable";
    }

    /**
     * A JDBC URL to this cluster, for a test's own {@code DriverManager} connections: connecting is given 10 s,
     * a statement {@value #COMMAND_TIMEOUT_SECONDS} s.
     */
    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + HOST + ":" + port + "/" + database + "?sslmode=disable&connectTimeout=10"
                + "&socketTimeout=" + COMMAND_TIMEOUT_SECONDS;
    }

    /** Runs statements as the superuser, each in auto-commit (CREATE DATABASE needs that). */
    void sql(String... statements) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
    }

    /**
     * Runs a query as the superuser in the {@code postgres} database and returns the first column of its first
     * row as text, booleans as {@code "t"} or {@code "f"}; {@code null} for SQL NULL or no row.
     */
    String query(String sql) throws SQLException {
        try (Connection c = superuser(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    private Connection superuser() throws SQLException {
        return DriverManager.getConnection(jdbcUrl("postgres"), "postgres", superPassword);
    }

    private Path data() {
        return dir.resolve("data");
    }

    private Path autoConf() {
        return data().resolve("postgresql.auto.conf");
    }

    private String serverLog() {
        try {
            return Files.readString(dir.resolve("server.log"));
        } catch (IOException e) {
            return "(none)";
        }
    }

    /** Runs {@code pg_ctl <action>} on this cluster's data directory, waiting {@value #PG_CTL_WAIT_SECONDS} s. */
    private void pgCtl(String action, String... options) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-w",
                "-t", String.valueOf(PG_CTL_WAIT_SECONDS)));
        line.addAll(List.of(options));
        line.add(action);
        command(line.toArray(String[]::new));
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

    /** Stops the server at once (no checkpoint), if it runs, and deletes the directory; never throws. */
    @Override
    public void close() {
        if (running) {
            try {
                crash();
            } catch (IOException e) {
                System.err.println("PrivateCluster: stop failed: " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running = false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("PrivateCluster: could not delete " + dir + ": " + e.getMessage());
        }
    }
}
