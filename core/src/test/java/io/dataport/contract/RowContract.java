package io.dataport.contract;

import io.dataport.MappingException;
import io.dataport.Row;
import io.dataport.mapping.Column;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Rows of the application's own SQL ({@code Session.query}): the same Java values on every backend. */
public abstract class RowContract extends ContractSupport {
    @Table("row_values")
    public record Typed(@Id Long id, long big, int medium, short small, boolean flag, double real, String text,
                        @Column(precision = 9, scale = 3) BigDecimal price, BigDecimal amount, byte[] data,
                        UUID ref, Instant at, OffsetDateTime offset, LocalDateTime local, LocalDate day,
                        LocalTime time) {
    }

    private static final Typed VALUES = new Typed(null, Long.MIN_VALUE, Integer.MAX_VALUE, Short.MIN_VALUE, true,
            -2.5, "Grüße, 'quoted' ✓", new BigDecimal("123456.780"), new BigDecimal("0.10"), new byte[] {0, -1, 7},
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), Instant.parse("2024-02-29T23:59:59.123456Z"),
            OffsetDateTime.parse("2024-03-01T01:02:03.000004+02:00"), LocalDateTime.parse("1999-12-31T23:59:59.5"),
            LocalDate.parse("2000-02-29"), LocalTime.parse("13:14:15.000016"));

    private long id;

    @BeforeEach
    void store() {
        db.schema().create(Typed.class);
        id = db.repository(Typed.class).insert(VALUES).id();
        db.repository(Typed.class).insert(new Typed(null, 0, 0, (short) 0, false, 0, null, null, null, null, null,
                null, null, null, null, null));
    }

    private Row row() {
        List<Row> rows = db.inTransaction(s -> s.query("select * from row_values where id = ?", id));
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    @Test
    void everyPortableTypeReadsBackAsTheRepositoryStoredIt() {
        Row r = row();
        assertThat(r.getLong("id")).isEqualTo(id);
        assertThat(r.getLong("big")).isEqualTo(Long.MIN_VALUE);
        assertThat(r.getInt("medium")).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.getLong("medium")).as("an integer column as a Long").isEqualTo((long) Integer.MAX_VALUE);
        assertThat(r.getShort("small")).isEqualTo(Short.MIN_VALUE);
        assertThat(r.getBoolean("flag")).isTrue();
        assertThat(r.getDouble("real")).isEqualTo(-2.5);
        assertThat(r.getString("text")).isEqualTo("Grüße, 'quoted' ✓");
        // A declared decimal: by value (SQLite's NUMERIC column keeps no scale: 123456.78).
        assertThat(r.getBigDecimal("price")).isEqualByComparingTo(new BigDecimal("123456.780"));
        assertThat(r.getBigDecimal("amount")).isEqualByComparingTo(new BigDecimal("0.10"));
        assertThat(r.getBytes("data")).containsExactly(0, -1, 7);
        assertThat(r.getUuid("ref")).isEqualTo(VALUES.ref());
        assertThat(r.getInstant("at")).isEqualTo(VALUES.at());
        assertThat(r.getOffsetDateTime("offset")).isEqualTo(VALUES.offset().withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(r.getInstant("offset")).isEqualTo(VALUES.offset().toInstant());
        assertThat(r.getLocalDateTime("local")).isEqualTo(VALUES.local());
        assertThat(r.getLocalDate("day")).isEqualTo(VALUES.day());
        assertThat(r.getLocalTime("time")).isEqualTo(VALUES.time());
        assertThat(r.getString(1)).isEqualTo(Long.toString(id));
        assertThat(r.getLong(1)).isEqualTo(id);
        assertThat(r.columns()).hasSize(16);
        assertThat(r.getLong("ID")).as("names ignore case").isEqualTo(id);
        assertThat(r.get("at", Instant.class)).isEqualTo(VALUES.at());
        assertThat(r.get(12, Instant.class)).as("by position").isEqualTo(VALUES.at());
        assertThat(r.get(11, UUID.class)).isEqualTo(VALUES.ref());
        assertThat(r.get("flag", Boolean.class)).isTrue();
        assertThatThrownBy(() -> r.get("at", java.util.Date.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("Ask for one of");
    }

    @Test
    void nullsAreNullForEveryGetter() {
        Row r = db.inTransaction(s -> s.query("select * from row_values where id <> ?", id)).get(0);
        assertThat(r.isNull("text")).isTrue();
        assertThat(r.getString("text")).isNull();
        assertThat(r.getBigDecimal("price")).isNull();
        assertThat(r.getInstant("at")).isNull();
        assertThat(r.getUuid("ref")).isNull();
        assertThat(r.getBytes("data")).isNull();
        assertThat(r.getBoolean("flag")).isFalse();
        assertThat(r.getLong("big")).isZero();
    }

    @Test
    void expressionsReadTheSameOnEveryBackend() {
        Row r = db.inTransaction(s -> s.query("select count(*) as n, max(medium) as top, sum(big) as total, "
                + "min(price) as cheapest from row_values")).get(0);
        assertThat(r.getLong("n")).isEqualTo(2);
        assertThat(r.getInt("top")).isEqualTo(Integer.MAX_VALUE);
        assertThat(r.getLong("total")).isEqualTo(Long.MIN_VALUE);
        assertThat(r.getBigDecimal("cheapest")).isEqualByComparingTo("123456.78");
        Row flags = db.inTransaction(s -> s.query("select flag from row_values order by id")).get(0);
        assertThat(flags.getBoolean("flag")).isTrue();
    }

    @Test
    void rowsMapToEntitiesByColumnName() {
        List<Typed> read = db.inTransaction(s -> s.query(Typed.class, "select * from row_values where id = ?", id));
        assertThat(read).hasSize(1);
        assertThat(read.get(0).at()).isEqualTo(VALUES.at());
        assertThat(read.get(0).price()).isEqualTo(VALUES.price());
        assertThat(read.get(0).text()).isEqualTo(VALUES.text());
    }

    @Test
    void aMissingColumnOrAWrongTypeIsAMappingErrorNamingIt() {
        Row r = row();
        assertThatThrownBy(() -> r.getLong("nope")).isInstanceOf(MappingException.class)
                .hasMessageContaining("no column 'nope'").hasMessageContaining("big");
        assertThatThrownBy(() -> r.getInstant("text")).isInstanceOf(MappingException.class)
                .hasMessageContaining("Column 'text' holds").hasMessageNotContaining("Grüße");
        assertThatThrownBy(() -> r.getLong(99)).isInstanceOf(MappingException.class).hasMessageContaining("no column 99");
        assertThatThrownBy(() -> r.getInt("big")).as("does not fit").isInstanceOf(MappingException.class);
    }
}
