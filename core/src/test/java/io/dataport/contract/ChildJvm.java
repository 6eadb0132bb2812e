package io.dataport.contract;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A second JVM running a {@code main} class from the test class path, for tests that need another process on the
 * same database file, a process to kill, or a fresh logging configuration. Its standard output is read line by
 * line; standard error is kept whole. Closing it kills the process if it still runs.
 */
public final class ChildJvm implements AutoCloseable {
    private static final String EOF = "\u0000EOF";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final List<String> stdout = new ArrayList<>();
    private final StringBuffer stderr = new StringBuffer();
    private final Thread outReader;
    private final Thread errReader;

    private ChildJvm(Process process) {
        this.process = process;
        this.outReader = pump(process.getInputStream(), line -> {
            synchronized (stdout) {
                stdout.add(line);
            }
            lines.add(line);
        }, () -> lines.add(EOF));
        this.errReader = pump(process.getErrorStream(), line -> stderr.append(line).append('\n'), () -> { });
    }

    /** Starts {@code main} with the given JVM options (system properties) and arguments. */
    public static ChildJvm start(Class<?> main, List<String> jvmOptions, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.add("-XX:TieredStopAtLevel=1");
        command.add("-Xshare:auto");
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(main.getName());
        command.addAll(List.of(args));
        try {
            return new ChildJvm(new ProcessBuilder(command).start());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start child JVM for " + main.getName(), e);
        }
    }

    /** Starts {@code main} with arguments and no extra JVM options. */
    public static ChildJvm start(Class<?> main, String... args) {
        return start(main, List.of(), args);
    }

    /** The next line the child printed, or {@code null} at end of output or when none came within the timeout. */
    public String nextLine(Duration timeout) throws InterruptedException {
        String line = lines.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return line == null || line.equals(EOF) ? null : line;
    }

    /** Waits for the next line equal to {@code expected}; fails with the child's output if it does not come. */
    public void awaitLine(String expected, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = nextLine(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
            if (line == null) {
                break;
            }
            if (line.equals(expected)) {
                return;
            }
        }
        throw new AssertionError("Child JVM did not print '" + expected + "' within " + timeout + ". stdout="
                + stdout() + " stderr=" + stderr());
    }

    /** Writes one line to the child's standard input. */
    public void send(String line) {
        try {
            process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write to the child JVM", e);
        }
    }

    /** Waits for the child to end by itself; returns its exit code. */
    public int waitFor(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            close();
            throw new AssertionError("Child JVM still running after " + timeout + ". stdout=" + stdout()
                    + " stderr=" + stderr());
        }
        outReader.join(10_000);
        errReader.join(10_000);
        return process.exitValue();
    }

    /** Kills the child at once (SIGKILL), like a crash or power cut of the process, and waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        outReader.join(10_000);
        errReader.join(10_000);
    }

    /** Every line the child printed on standard output so far. */
    public List<String> stdout() {
        synchronized (stdout) {
            return new ArrayList<>(stdout);
        }
    }

    /** What the child printed on standard error so far. */
    public String stderr() {
        return stderr.toString();
    }

    /**
     * Kills the child if it still runs. Does not throw {@link InterruptedException} (a try-with-resources block
     * would hide it behind the block's own exception): when interrupted while waiting for the child to go, it
     * stops waiting and sets the thread's interrupt flag again.
     */
    @Override
    public void close() {
        if (process.isAlive()) {
            try {
                kill();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Thread pump(InputStream in, java.util.function.Consumer<String> sink, Runnable atEnd) {
        Thread t = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = reader.readLine()) != null) {
                    sink.accept(line);
                }
            } catch (IOException e) {
                // The process was killed: its pipes break; what was read is kept.
            } finally {
                atEnd.run();
            }
        }, "child-jvm-pump");
        t.setDaemon(true);
        t.start();
        return t;
    }
}
