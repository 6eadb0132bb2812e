package io.dataport.transfer;

import io.dataport.Database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Shared helpers of the transfer tests: sample databases and backend-neutral query results. */
final class TransferSupport {
    static final Path CHINOOK = Path.of("..", "..", "shared", "data", "chinook", "Chinook_Sqlite.sqlite");

    private TransferSupport() {
    }

    /** A private copy of Chinook (the shared file is never written). */
    static Path chinookCopy(Path dir) {
        Path source = CHINOOK.toAbsolutePath().normalize();
        if (!Files.exists(source)) {
            source = Path.of("/work/shared/data/chinook/Chinook_Sqlite.sqlite");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(source), "Chinook sample database not found");
        try {
            Path copy = dir.resolve("chinook.sqlite");
            Files.copy(source, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A query's rows with values made comparable across backends (numbers to 2 decimals, text as is). */
    static List<List<String>> rows(Database db, String sql) {
        return db.inReadOnlyTransaction(s -> {
            List<List<String>> rows = new ArrayList<>();
            for (Map<String, Object> row : s.handle().createQuery(sql).mapToMap().list()) {
                List<String> values = new ArrayList<>();
                for (Object v : row.values()) {
                    values.add(normalise(v));
                }
                rows.add(values);
            }
            return rows;
        });
    }

    private static String normalise(Object v) {
        if (v instanceof java.sql.Timestamp) {
            // An application reads timestamps as timestamps on PostgreSQL; SQLite hands back its stored text.
            return ((java.sql.Timestamp) v).toLocalDateTime().format(
                    java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        if (v instanceof java.time.LocalDateTime) {
            return ((java.time.LocalDateTime) v).format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        }
        if (v instanceof Number) {
            return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    /**
     * Creates a SQLite database with a {@code customer} table of {@code customers} rows (every mapped type, NULLs,
     * Unicode, blobs) and an {@code orders} table of {@code orders} rows referencing it.
     */
    static void generate(Path file, int customers, int orders) {
        try (Database db = Database.open("sqlite:" + file)) {
            db.<java.sql.SQLException>useTransaction(s -> {
                s.execute("create table customer (id INTEGER PRIMARY KEY, name NVARCHAR(40) NOT NULL, email VARCHAR(80)"
                        + " UNIQUE, balance NUMERIC(10,2) NOT NULL DEFAULT 0, created DATETIME, birthday DATE,"
                        + " active BOOLEAN NOT NULL DEFAULT 1, score REAL, photo BLOB, notes TEXT)");
                s.execute("create index customer_name on customer (name)");
                s.execute("create table orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES"
                        + " customer (id) ON DELETE CASCADE, amount NUMERIC(12,2) NOT NULL, quantity INTEGER,"
                        + " placed DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP, note TEXT)");
                java.sql.Connection c = s.handle().getConnection();
                try (java.sql.PreparedStatement ps = c.prepareStatement("insert into customer values (?,?,?,?,?,?,?,?,?,?)")) {
                    for (int i = 1; i <= customers; i++) {
                        ps.setLong(1, i);
                        ps.setString(2, i % 7 == 0 ? "Zoë Ærøskøbing " + i : "Customer " + i);
                        ps.setString(3, i % 5 == 0 ? null : "c" + i + "@example.com");
                        ps.setString(4, (i % 1000) + "." + (i % 100 < 10 ? "0" : "") + (i % 100));
                        ps.setString(5, i % 11 == 0 ? null : String.format(Locale.ROOT, "2024-%02d-%02d %02d:%02d:%02d%s",
                                1 + i % 12, 1 + i % 28, i % 24, i % 60, (i * 7) % 60, i % 3 == 0 ? ".125" : ""));
                        ps.setString(6, String.format(Locale.ROOT, "19%02d-%02d-%02d", 50 + i % 50, 1 + i % 12, 1 + i % 28));
                        ps.setInt(7, i % 2);
                        if (i % 13 == 0) {
                            ps.setNull(8, java.sql.Types.REAL);
                        } else {
                            ps.setDouble(8, i / 3.0);
                        }
                        ps.setBytes(9, i % 4 == 0 ? new byte[] {(byte) i, 0, (byte) 0xff, '\\', '\t'} : null);
                        ps.setString(10, i % 9 == 0 ? "line one\nline\ttwo \\ back" : null);
                        ps.addBatch();
                        if (i % 10_000 == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
                try (java.sql.PreparedStatement ps = c.prepareStatement(
                        "insert into orders (id, customer_id, amount, quantity, placed, note) values (?,?,?,?,?,?)")) {
                    for (int i = 1; i <= orders; i++) {
                        ps.setLong(1, i);
                        ps.setLong(2, 1 + (i * 31L) % customers);
                        ps.setString(3, (i % 5000) + ".5");
                        ps.setInt(4, 1 + i % 9);
                        ps.setString(5, "2025-06-01 12:00:00");
                        ps.setString(6, i % 3 == 0 ? null : "order " + i);
                        ps.addBatch();
                        if (i % 10_000 == 0) {
                            ps.executeBatch();
                        }
                    }
                    ps.executeBatch();
                }
            });
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long count(Database db, String table) {
        return db.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from " + table)
                .mapTo(long.class).one());
    }
}
