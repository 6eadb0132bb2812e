package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** SQLite for the contract suite: a new database file in a temporary directory for every call. */
public final class SqliteTarget implements DatabaseTarget {
    public static final SqliteTarget INSTANCE = new SqliteTarget();
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private final Path dir;

    private SqliteTarget() {
        try {
            dir = Files.createTempDirectory("dataport-sqlite-test");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String backend() {
        return "sqlite";
    }

    @Override
    public String freshUrl() {
        return "sqlite:" + dir.resolve("test-" + COUNTER.incrementAndGet() + ".db");
    }

    /** A directory for tests that need files of their own. */
    public Path dir() {
        return dir;
    }
}
