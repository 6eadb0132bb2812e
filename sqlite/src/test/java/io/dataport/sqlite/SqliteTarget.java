package io.dataport.sqlite;

import io.dataport.contract.DatabaseTarget;
import io.dataport.test.TestDatabase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** SQLite for the contract suite: a new database file for every call, and a directory for tests' own files. */
public final class SqliteTarget implements DatabaseTarget {
    public static final SqliteTarget INSTANCE = new SqliteTarget();
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

    /** A new file in a temporary directory of its own (dataport-test's {@link TestDatabase}), deleted at exit. */
    @Override
    public String freshUrl() {
        return TestDatabase.create("sqlite").url();
    }

    /** A directory for tests that need files of their own. */
    public Path dir() {
        return dir;
    }
}
