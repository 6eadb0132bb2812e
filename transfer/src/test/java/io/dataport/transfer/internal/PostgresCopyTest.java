package io.dataport.transfer.internal;

import io.dataport.Database;
import io.dataport.postgres.PostgresTarget;
import io.dataport.transfer.internal.LogicalType.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * PostgreSQL's binary COPY both ways ({@link PostgresCopySink}, {@link PostgresCopySource}): every kind of value,
 * at its edges, loaded in binary and in text, reads back through COPY exactly as through the JDBC result set, and
 * as the values that went in.
 */
class PostgresCopyTest {
    private static final List<LogicalType> TYPES = List.of(LogicalType.of(Kind.SMALLINT),
            LogicalType.of(Kind.INTEGER), LogicalType.of(Kind.BIGINT), LogicalType.decimal(30, 10),
            LogicalType.decimal(0, 0), LogicalType.of(Kind.DOUBLE), LogicalType.of(Kind.BOOLEAN),
            LogicalType.sized(Kind.VARCHAR, 20), LogicalType.of(Kind.TEXT), LogicalType.of(Kind.DATE),
            LogicalType.of(Kind.TIME), LogicalType.of(Kind.TIMESTAMP), LogicalType.of(Kind.TIMESTAMPTZ),
            LogicalType.of(Kind.BLOB), LogicalType.of(Kind.UUID), LogicalType.of(Kind.JSON));
    private static final List<String> COLUMNS = java.util.stream.IntStream.range(0, TYPES.size())
            .mapToObj(i -> "\"c" + i + "\"").collect(Collectors.toList());
    private static final List<ValueCodec> CODECS = TYPES.stream().map(ValueCodec::new).collect(Collectors.toList());
    private static final PostgresTransferDialect PG = PostgresTransferDialect.INSTANCE;

    private static Database db;

    @BeforeAll
    static void open() {
        db = Database.open(PostgresTarget.INSTANCE.freshUrl());
    }

    @AfterAll
    static void close() {
        db.close();
    }

    /** Canonical values as sources give them: SQLite's and MySQL's as Java values, PostgreSQL's temporals as text. */
    private static List<Object[]> rows() {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {(long) Short.MIN_VALUE, (long) Integer.MIN_VALUE, Long.MIN_VALUE,
            new BigDecimal("-12345678901234567890.0000000001"), new BigDecimal("1E+40").setScale(0), -0.0, false,
            "", "", LocalDate.of(1, 1, 1), LocalTime.MIDNIGHT, LocalDateTime.of(1, 1, 1, 0, 0),
            OffsetDateTime.of(1900, 1, 1, 0, 0, 0, 1000, ZoneOffset.UTC), new byte[0],
            "00000000-0000-0000-0000-000000000000", "{}"});
        rows.add(new Object[] {(long) Short.MAX_VALUE, (long) Integer.MAX_VALUE, Long.MAX_VALUE,
            new BigDecimal("0.0001"), new BigDecimal("3.14159265358979323846264338327950288"), Double.MIN_VALUE, true,
            "h\u00e9llo \uD83D\uDE00", "tab\tnew\nline\\back\rslash", LocalDate.of(9999, 12, 31),
            LocalTime.of(23, 59, 59, 999_999_000),
            LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999_999_000),
            OffsetDateTime.of(2038, 1, 19, 3, 14, 8, 0, ZoneOffset.UTC), bytes(256),
            "123e4567-e89b-12d3-a456-426614174000", "{\"a\": [1, 2.50], \"b\": \"\u00e9\"}"});
        rows.add(new Object[] {0L, -1L, 1L, BigDecimal.ZERO, new BigDecimal("-0.00123"), Double.NaN, true, "x",
            "y", "1969-12-31", "24:00:00", "2023-11-14 22:13:20.5", OffsetDateTime.of(1999, 12, 31, 23, 59, 59,
            999_999_000, ZoneOffset.UTC), new byte[] {0, '\t', '\\', -1}, "ffffffff-ffff-ffff-ffff-ffffffffffff",
            "[]"});
        rows.add(new Object[] {12L, 1234L, 123456789012L, new BigDecimal("12.3"), new BigDecimal("12345"),
            Double.NEGATIVE_INFINITY, false, "12345678901234567890", "z".repeat(100_000), "2000-01-01",
            "12:34:56.5", LocalDateTime.of(1999, 12, 31, 23, 59, 59, 999_999_000),
            OffsetDateTime.of(2000, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), bytes(300_000),
            "123E4567-E89B-12D3-A456-426614174000".toLowerCase(java.util.Locale.ROOT), "null"});
        rows.add(new Object[TYPES.size()]);
        return rows;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) i;
        }
        return b;
    }

    @Test
    void binaryAndTextLoadsReadBackTheSameByCopyAndByJdbc() throws SQLException {
        List<String> written = canonicalTexts(rows());
        for (boolean binary : new boolean[] {true, false}) {
            List<List<String>> read = db.inTransaction(s -> {
                Connection c = s.handle().getConnection();
                load(c, binary);
                return List.of(canonicalTexts(readByCopy(c)), canonicalTexts(readByJdbc(c)));
            });
            assertThat(read.get(0)).as(binary ? "binary load, read by COPY" : "text load, read by COPY")
                    .containsExactlyInAnyOrderElementsOf(written);
            assertThat(read.get(1)).as(binary ? "binary load, read by JDBC" : "text load, read by JDBC")
                    .containsExactlyInAnyOrderElementsOf(written);
        }
    }

    @Test
    void aTableOfOtherColumnTypesIsReadThroughJdbc() throws SQLException {
        List<String> texts = db.inTransaction(s -> {
            Connection c = s.handle().getConnection();
            execute(c, "CREATE TEMP TABLE odd (a jsonb, b name) ON COMMIT DROP");
            execute(c, "INSERT INTO odd VALUES ('{\"k\":1}', 'abc')");
            List<ValueCodec> codecs = List.of(new ValueCodec(LogicalType.of(Kind.JSON)),
                    new ValueCodec(LogicalType.of(Kind.TEXT)));
            assertThat(PostgresCopySource.of(c, "odd", List.of("a", "b"), codecs)).isEmpty();
            List<Object[]> rows = new ArrayList<>();
            PG.readRows(c, "odd", List.of("a", "b"), codecs, 100, collector(rows));
            return canonicalTexts(rows);
        });
        assertThat(texts).containsExactly("{\"k\": 1}|abc");
    }

    @Test
    void aValueTheOtherDatabaseCannotHoldIsRejectedByBothReaders() throws SQLException {
        for (String value : List.of("'infinity'", "'0044-03-15 12:00:00 BC'")) {
            List<String> problems = db.inTransaction(s -> {
                Connection c = s.handle().getConnection();
                execute(c, "CREATE TEMP TABLE far (t timestamp) ON COMMIT DROP");
                execute(c, "INSERT INTO far VALUES (" + value + ")");
                List<ValueCodec> codecs = List.of(new ValueCodec(LogicalType.of(Kind.TIMESTAMP)));
                assertThat(PostgresCopySource.of(c, "far", List.of("t"), codecs)).isPresent();
                List<String> messages = new ArrayList<>();
                assertThatThrownBy(() -> PG.readRows(c, "far", List.of("t"), codecs, 100, collector(new ArrayList<>())))
                        .isInstanceOf(IllegalStateException.class)
                        .satisfies(e -> messages.add(e.getMessage()));
                try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT t FROM far")) {
                    rs.next();
                    assertThatThrownBy(() -> PG.read(rs, 1, codecs.get(0))).isInstanceOf(Rejected.class)
                            .satisfies(e -> messages.add("column 0: " + e.getMessage()));
                }
                return messages;
            });
            assertThat(problems.get(0)).isEqualTo(problems.get(1)).contains("cannot hold (BC or infinity)");
        }
    }

    private static void load(Connection c, boolean binary) throws SQLException {
        execute(c, "DROP TABLE IF EXISTS copied");
        execute(c, "CREATE TABLE copied (" + java.util.stream.IntStream.range(0, TYPES.size())
                .mapToObj(i -> COLUMNS.get(i) + " " + PG.columnType(TYPES.get(i), false))
                .collect(Collectors.joining(", ")) + ")");
        RowSink sink = PG.openSink(c, "copied", COLUMNS, TYPES, binary, 1000);
        for (Object[] row : rows()) {
            sink.add(row.clone());
        }
        assertThat(sink.finish()).isEqualTo(rows().size());
    }

    private static List<Object[]> readByCopy(Connection c) throws SQLException {
        assertThat(PostgresCopySource.of(c, "copied", COLUMNS, CODECS)).isPresent();
        List<Object[]> rows = new ArrayList<>();
        PG.readRows(c, "copied", COLUMNS, CODECS, 100, collector(rows));
        return rows;
    }

    private static List<Object[]> readByJdbc(Connection c) throws SQLException {
        List<Object[]> rows = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT " + String.join(", ", COLUMNS) + " FROM copied")) {
            while (rs.next()) {
                Object[] row = new Object[COLUMNS.size()];
                for (int i = 0; i < row.length; i++) {
                    try {
                        row[i] = PG.read(rs, i + 1, CODECS.get(i));
                    } catch (Rejected r) {
                        throw new IllegalStateException(r.getMessage(), r);
                    }
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static TransferDialect.RowHandler collector(List<Object[]> rows) {
        return new TransferDialect.RowHandler() {
            @Override
            public void row(Object[] values) {
                rows.add(values.clone());
            }

            @Override
            public RuntimeException rejected(int column, Rejected reason) {
                return new IllegalStateException("column " + column + ": " + reason.getMessage());
            }
        };
    }

    /** Each row as its values' canonical texts (the checksum's input), joined; PostgreSQL's temporals as text. */
    private static List<String> canonicalTexts(List<Object[]> rows) {
        return rows.stream().map(row -> Arrays.stream(row).map(v -> v == null ? "NULL" : v instanceof Double
                ? Long.toHexString(Double.doubleToLongBits((Double) v)) : ValueCodec.canonical(v))
                .collect(Collectors.joining("|"))).collect(Collectors.toList());
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
