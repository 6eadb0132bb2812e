package io.dataport.sqlite;

import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.sql.EntitySql;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.spi.ColumnType;
import io.dataport.spi.CatalogReader;
import io.dataport.spi.IdGeneration;
import io.dataport.spi.SchemaChange;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SQLite's DDL and value encodings, checked without a database. */
class SqliteDialectTest {
    private static final SqliteDialect DIALECT = SqliteDialect.INSTANCE;

    record Item(@Id Long id, @Column(length = 20, unique = true) String code, BigDecimal price, UUID ref,
                boolean active, double weight, byte[] image, Instant created, short rank) {
    }

    record Tag(@Id UUID id, String label) {
    }

    record Priced(@Id Long id, @Column(precision = 15, scale = 2) BigDecimal price, BigDecimal free) {
    }

    record TooWide(@Id Long id, @Column(precision = 16, scale = 2) BigDecimal price) {
    }

    @Test
    void declaredDecimalsAreNumericColumnsThatSortAsTheyAreAndHoldFifteenDigitsAtMost() {
        EntitySql sql = EntityInfo.of(Priced.class).sql(DIALECT);
        assertThat(sql.createTable()).contains("\"price\" NUMERIC(15,2),").contains("\"free\" TEXT");
        assertThat(DIALECT.orderExpression("\"price\"", ColumnType.BIG_DECIMAL, 15)).isEqualTo("\"price\"");
        assertThat(DIALECT.orderExpression("\"free\"", ColumnType.BIG_DECIMAL, 0)).isEqualTo("CAST(\"free\" AS REAL)");
        assertThat(DIALECT.canHold("NUMERIC(15,2)", ColumnType.BIG_DECIMAL, 0, 15, 2)).isTrue();
        assertThat(DIALECT.canHold("TEXT", ColumnType.BIG_DECIMAL, 0, 15, 2)).isFalse();
        assertThat(DIALECT.canHold("", ColumnType.BIG_DECIMAL, 0, 15, 2)).isFalse();
        assertThat(DIALECT.canHold("TEXT", ColumnType.BIG_DECIMAL, 0, 0, 0)).isTrue();
        assertThatThrownBy(() -> EntityInfo.of(TooWide.class).sql(DIALECT))
                .isInstanceOf(io.dataport.MappingException.class)
                .hasMessageContaining("'price'").hasMessageContaining("precision 16").hasMessageContaining("15");
    }

    @Test
    void createTableUsesRowidIdsAndSqliteStorageClasses() {
        EntitySql sql = EntityInfo.of(Item.class).sql(DIALECT);
        assertThat(sql.createTable()).isEqualTo("CREATE TABLE IF NOT EXISTS \"item\" (\n"
                + "    \"id\" INTEGER PRIMARY KEY,\n"
                + "    \"code\" VARCHAR(20) UNIQUE,\n"
                + "    \"price\" TEXT,\n"
                + "    \"ref\" TEXT,\n"
                + "    \"active\" INTEGER NOT NULL,\n"
                + "    \"weight\" DOUBLE_BLOB NOT NULL,\n"
                + "    \"image\" BLOB,\n"
                + "    \"created\" TEXT,\n"
                + "    \"rank\" INTEGER NOT NULL\n"
                + ")");
        assertThat(EntityInfo.of(Tag.class).sql(DIALECT).createTable()).contains("\"id\" TEXT PRIMARY KEY");
    }

    @Test
    void upsertIsOneInsertOnConflictStatement() {
        assertThat(EntityInfo.of(Tag.class).sql(DIALECT).upsert()).isEqualTo("INSERT INTO \"tag\" (\"id\", \"label\") "
                + "VALUES (?, ?) ON CONFLICT (\"id\") DO UPDATE SET \"label\" = excluded.\"label\"");
    }

    @Test
    void batchIdsComeFromLastInsertRowid() {
        assertThat(DIALECT.idGeneration()).isEqualTo(IdGeneration.rowidRange("SELECT last_insert_rowid()"));
    }

    @Test
    void temporalValuesAreCurrentTimestampTextWithSixFractionDigitsSoTextOrderIsTimeOrder() throws Exception {
        assertThat(bound(ColumnType.INSTANT, Instant.parse("2024-01-02T03:04:05Z"))).isEqualTo("2024-01-02 03:04:05.000000");
        assertThat(bound(ColumnType.INSTANT, Instant.parse("0001-01-01T00:00:00.000001Z")))
                .isEqualTo("0001-01-01 00:00:00.000001");
        assertThat(bound(ColumnType.OFFSET_DATE_TIME, OffsetDateTime.parse("2024-01-02T03:04:05.5+02:00")))
                .isEqualTo("2024-01-02 01:04:05.500000");
        assertThat(bound(ColumnType.LOCAL_DATE_TIME, LocalDateTime.parse("2024-01-02T03:04:05.123456")))
                .isEqualTo("2024-01-02 03:04:05.123456");
        assertThat(bound(ColumnType.LOCAL_DATE, LocalDate.parse("0999-12-31"))).isEqualTo("0999-12-31");
        assertThat(bound(ColumnType.LOCAL_TIME, LocalTime.parse("07:08"))).isEqualTo("07:08:00.000000");
        assertThat(bound(ColumnType.BIG_DECIMAL, new BigDecimal("1.10"))).isEqualTo("1.10");
        assertThat(bound(ColumnType.BOOLEAN, true)).isEqualTo(1);
        assertThat(bound(ColumnType.UUID, new UUID(0, 1))).isEqualTo("00000000-0000-0000-0000-000000000001");
    }

    /** What the codec hands the driver for a value. */
    private static Object bound(ColumnType type, Object value) throws Exception {
        List<Object> seen = new ArrayList<>();
        PreparedStatement statement = (PreparedStatement) Proxy.newProxyInstance(classLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, args) -> {
                    if (method.getName().startsWith("set") && args != null && args.length == 2) {
                        seen.add(args[1]);
                    }
                    return null;
                });
        SqliteCodec.INSTANCE.bind(statement, 1, type, value);
        assertThat(seen).hasSize(1);
        return seen.get(0);
    }

    private static ClassLoader classLoader() {
        return SqliteDialectTest.class.getClassLoader();
    }

    /** {@code gadget} as sqlite_master and the pragmas give it, for planning without a database. */
    private static final CatalogReader GADGET = (sql, parameters) -> {
        if (sql.startsWith("SELECT sql FROM sqlite_master WHERE type = 'table'")) {
            return List.of(List.of("CREATE TABLE gadget (id bigint primary key, code text CHECK (length(code) < 9), "
                    + "\"maker id\" bigint references maker(id), note text, UNIQUE (note, code))"));
        }
        if (sql.startsWith("SELECT name FROM pragma_table_info")) {
            return List.of(List.of("id"), List.of("code"), List.of("maker id"), List.of("note"));
        }
        if (sql.startsWith("SELECT type, sql FROM sqlite_master")) {
            return List.of(List.of("index", "CREATE INDEX gadget_code ON gadget (code)"),
                    List.of("index", "CREATE INDEX gadget_note ON gadget (note)"));
        }
        if (sql.startsWith("SELECT m.name FROM sqlite_master")) {
            return List.of(List.of("part"));
        }
        return List.of();
    };

    @Test
    void aTypeChangeRebuildsTheTableKeepingConstraintsIndexesAndForeignKeys() {
        assertThat(DIALECT.alter(new SchemaChange.ChangeColumnType("gadget", "code", "INTEGER", ""), GADGET).statements())
                .containsExactly("PRAGMA defer_foreign_keys = ON",
                        "CREATE TEMP TABLE \"gadget__old\" AS SELECT \"id\", \"code\", \"maker id\", \"note\" FROM \"gadget\"",
                        "DROP TABLE \"gadget\"",
                        "CREATE TABLE \"gadget\" (id bigint primary key, \"code\" INTEGER CHECK (length(code) < 9), "
                                + "\"maker id\" bigint references maker(id), note text, UNIQUE (note, code))",
                        "INSERT INTO \"gadget\" (\"id\", \"code\", \"maker id\", \"note\") SELECT \"id\", \"code\", "
                                + "\"maker id\", \"note\" FROM temp.\"gadget__old\"",
                        "DROP TABLE temp.\"gadget__old\"",
                        "CREATE INDEX gadget_code ON gadget (code)", "CREATE INDEX gadget_note ON gadget (note)");
        assertThat(DIALECT.alter(new SchemaChange.ChangeColumnType("gadget", "code", "INTEGER", ""), GADGET).checks())
                .containsExactly("SELECT * FROM pragma_foreign_key_check('gadget')",
                        "SELECT * FROM pragma_foreign_key_check('part')");
    }

    @Test
    void droppingAColumnAConstraintUsesRebuildsWithoutItsIndexesAndConstraints() {
        assertThat(DIALECT.alter(new SchemaChange.DropColumn("gadget", "note"), GADGET).statements())
                .contains("CREATE TABLE \"gadget\" (id bigint primary key, code text CHECK (length(code) < 9), "
                        + "\"maker id\" bigint references maker(id))", "CREATE INDEX gadget_code ON gadget (code)")
                .doesNotContain("CREATE INDEX gadget_note ON gadget (note)");
    }

    @Test
    void addingAndRenamingColumnsIsPlainAlterTable() {
        assertThat(DIALECT.alter(new SchemaChange.AddColumn("gadget", "rating", "INTEGER NOT NULL DEFAULT 0"), GADGET)
                .statements()).containsExactly("ALTER TABLE \"gadget\" ADD COLUMN \"rating\" INTEGER NOT NULL DEFAULT 0");
        assertThat(DIALECT.alter(new SchemaChange.RenameColumn("gadget", "note", "remark"), GADGET).statements())
                .containsExactly("ALTER TABLE \"gadget\" RENAME COLUMN \"note\" TO \"remark\"");
    }
}
