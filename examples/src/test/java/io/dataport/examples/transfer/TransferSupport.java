package io.dataport.examples.transfer;

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
        if (v instanceof Number) {
            return new BigDecimal(v.toString()).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    static long count(Database db, String table) {
        return db.inReadOnlyTransaction(s -> s.handle().createQuery("select count(*) from " + table)
                .mapTo(long.class).one());
    }
}
