package io.dataport.contract;

import io.dataport.CrudRepository;
import io.dataport.mapping.Id;
import io.dataport.mapping.Table;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stored times meet the database's own time handling in the application's SQL the same way on every backend,
 * whatever the JVM's default zone: comparisons with {@code CURRENT_TIMESTAMP} and with timestamp literals, and
 * conversions done by the server, all in UTC. The whole class runs with a JVM default zone west of UTC
 * (America/Sao_Paulo), or with the zone it was started in when that is not UTC.
 */
public abstract class TimeContract extends ContractSupport {

    @Table("time_rows")
    public record Event(@Id Long id, String name, Instant happened, LocalDateTime wall, LocalDate dated) {
    }

    private static TimeZone original;

    private CrudRepository<Event, Long> events;

    @BeforeAll
    static void nonUtcJvmZone() {
        original = TimeZone.getDefault();
        if (original.getRawOffset() == 0) {
            TimeZone.setDefault(TimeZone.getTimeZone("America/Sao_Paulo"));
        }
    }

    @AfterAll
    static void restoreJvmZone() {
        TimeZone.setDefault(original);
    }

    @BeforeEach
    void schema() {
        db.schema().create(Event.class);
        events = db.repository(Event.class);
    }

    @Test
    void anInstantAMinuteAgoIsBeforeCurrentTimestampInTheApplicationsSql() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        events.insert(new Event(null, "past", now.minusSeconds(60), null, null));
        events.insert(new Event(null, "future", now.plusSeconds(3600), null, null));
        assertThat(names("happened < CURRENT_TIMESTAMP")).containsExactly("past");
        assertThat(names("happened > CURRENT_TIMESTAMP")).containsExactly("future");
    }

    @Test
    void aTimestampLiteralMeansUtc() {
        events.insert(new Event(null, "late", Instant.parse("2024-01-01T01:30:00Z"),
                LocalDateTime.parse("2024-01-01T01:30:00"), null));
        events.insert(new Event(null, "early", Instant.parse("2024-01-01T01:29:59.999999Z"),
                LocalDateTime.parse("2024-01-01T01:29:59.999999"), null));
        assertThat(names("happened >= '2024-01-01 01:30:00' and happened < '2024-01-01 01:30:01'")).containsExactly("late");
        assertThat(names("wall >= '2024-01-01 01:30:00' and wall < '2024-01-01 01:30:01'")).containsExactly("late");
    }

    @Test
    void theServerConvertsBetweenTimestampAndTimestampWithTimeZoneInUtc() {
        Instant at = Instant.parse("2024-01-01T01:30:00.000001Z");
        events.insert(new Event(null, "same", at, LocalDateTime.ofInstant(at, ZoneOffset.UTC), null));
        events.insert(new Event(null, "other", at, LocalDateTime.ofInstant(at, ZoneOffset.ofHours(-3)), null));
        assertThat(names("wall = happened")).containsExactly("same");
    }

    @Test
    void theDateOfAStoredInstantIsItsUtcDate() {
        events.insert(new Event(null, "new year", Instant.parse("2024-01-01T01:30:00Z"), null, LocalDate.parse("2024-01-01")));
        events.insert(new Event(null, "eve", Instant.parse("2023-12-31T23:30:00Z"), null, LocalDate.parse("2024-01-01")));
        List<String> dates = db.inTransaction(s -> s.handle()
                .createQuery("select substr(" + asText("happened") + ", 1, 10) from time_rows order by id").mapTo(String.class).list());
        assertThat(dates).containsExactly("2024-01-01", "2023-12-31");
        assertThat(names("substr(" + asText("happened") + ", 1, 10) = " + asText("dated"))).containsExactly("new year");
    }

    private List<String> names(String condition) {
        return db.inTransaction(s -> s.handle()
                .createQuery("select name from time_rows where " + condition + " order by id").mapTo(String.class).list());
    }
}
