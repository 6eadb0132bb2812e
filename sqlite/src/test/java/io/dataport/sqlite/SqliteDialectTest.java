package io.dataport.sqlite;

import io.dataport.internal.entity.EntityInfo;
import io.dataport.internal.sql.EntitySql;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.spi.ColumnType;
import io.dataport.spi.IdGeneration;
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
}
