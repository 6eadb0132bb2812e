package io.dataport.benchmarks;

import org.sqlite.SQLiteConfig;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A fixed pool of SQLite connections opened with the settings Dataport uses (WAL, synchronous=NORMAL,
 * foreign_keys=ON, busy_timeout=5000): what a user builds by hand, and the pool of the JDBC and Jdbi variants.
 */
final class SqlitePool implements ConnectionSource {
    private final BlockingQueue<Connection> idle;
    private final List<Connection> all = new ArrayList<>();

    SqlitePool(String path, int size, boolean readOnly) throws SQLException {
        idle = new ArrayBlockingQueue<>(size);
        for (int i = 0; i < size; i++) {
            SQLiteConfig config = new SQLiteConfig();
            config.setReadOnly(readOnly);
            config.setBusyTimeout(5000);
            Connection c = config.createConnection("jdbc:sqlite:" + path);
            try (Statement s = c.createStatement()) {
                s.execute("PRAGMA busy_timeout = 5000");
                s.execute("PRAGMA foreign_keys = ON");
                s.execute("PRAGMA synchronous = NORMAL");
                if (!readOnly) {
                    s.execute("PRAGMA journal_mode = WAL");
                }
            }
            all.add(c);
            idle.add(c);
        }
    }

    @Override
    public Connection take() throws SQLException {
        try {
            Connection c = idle.poll(30, TimeUnit.SECONDS);
            if (c == null) {
                throw new SQLException("SQLite benchmark pool exhausted for 30 s");
            }
            return c;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted", e);
        }
    }

    @Override
    public void give(Connection connection) {
        idle.add(connection);
    }

    @Override
    public void close() {
        for (Connection c : all) {
            try {
                c.close();
            } catch (SQLException e) {
                // closing at the end of the run
            }
        }
    }
}
