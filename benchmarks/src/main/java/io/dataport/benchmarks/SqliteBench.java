package io.dataport.benchmarks;

import io.dataport.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/** SQLite in WAL mode on a file in a temporary directory, deleted at the end. */
final class SqliteBench extends BenchTarget {
    private final Path dir;
    private final Path file;
    private final Database db;
    private SqlitePool writers;
    private SqlitePool readers;
    private SqlitePool pool8;

    SqliteBench() {
        try {
            dir = Files.createTempDirectory("dataport-bench");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file = dir.resolve("bench.db");
        db = Database.open(url());
    }

    @Override
    String name() {
        return "sqlite";
    }

    @Override
    String url() {
        return "sqlite:" + file;
    }

    @Override
    Database dataport() {
        return db;
    }

    @Override
    synchronized ConnectionSource writers() {
        if (writers == null) {
            writers = pool(1, false);
        }
        return writers;
    }

    @Override
    synchronized ConnectionSource readers() {
        if (readers == null) {
            readers = pool(8, true);
        }
        return readers;
    }

    @Override
    synchronized ConnectionSource pool8() {
        if (pool8 == null) {
            pool8 = pool(8, false);
        }
        return pool8;
    }

    private SqlitePool pool(int size, boolean readOnly) {
        try {
            return new SqlitePool(file.toString(), size, readOnly);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }


    @Override
    String clearItems() {
        return "DELETE FROM " + TABLE;
    }

    @Override
    String analyze() {
        return "ANALYZE";
    }

    @Override
    String lockSuffix() {
        return "";
    }

    @Override
    boolean poolClosesStatements() {
        return false;
    }

    @Override
    boolean cursorNeedsTransaction() {
        return false;
    }

    @Override
    public void close() {
        for (SqlitePool p : new SqlitePool[] {writers, readers, pool8}) {
            if (p != null) {
                p.close();
            }
        }
        db.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory: the OS cleans it up
        }
    }
}
