package io.dataport;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * One row of the application's own query ({@link Session#query(String, Object...)}), its columns read by name
 * (ignoring case) or by position from 1, each getter giving the same Java value on every backend for the same
 * stored value, or {@code null} for SQL {@code NULL}. A column read as a type it cannot be fails with
 * {@link MappingException} naming the column and the types.
 *
 * <pre>{@code
 * for (Row r : s.query("select id, email, created_at from users where id > ?", 10)) {
 *     long id = r.getLong("id");
 *     Instant created = r.getInstant("created_at");
 * }
 * }</pre>
 *
 * <p>What each getter accepts: {@code getLong}, {@code getInt}, {@code getShort} any integer column (and
 * integral decimals) that fits; {@code getDouble} any number; {@code getBoolean} booleans and the integers 0 and
 * 1 (SQLite's and MySQL's booleans); {@code getString} text, and numbers, booleans and UUIDs as text;
 * {@code getBigDecimal} numbers and decimal text (SQLite and MySQL keep undeclared decimals as text);
 * {@code getUuid} UUID columns and their text; {@code getInstant} and {@code getOffsetDateTime} (at UTC)
 * {@code TIMESTAMP WITH TIME ZONE}, Dataport's {@code DATETIME(6)} in UTC and SQLite's text times;
 * {@code getLocalDateTime}, {@code getLocalDate}, {@code getLocalTime} their SQL types and their text;
 * {@code getBytes} binary columns. Immutable.
 */
public interface Row {

    /**
     * The columns' names, as the query labels them, in order.
     *
     * @return the names
     */
    List<String> columns();

    /**
     * Whether a column is SQL {@code NULL}.
     *
     * @param column the column's name
     * @return whether it is null
     */
    boolean isNull(String column);

    /**
     * A column as one of the portable Java types: {@code Long}, {@code Integer}, {@code Short}, {@code Double},
     * {@code Boolean}, {@code String}, {@code BigDecimal}, {@code byte[]}, {@code UUID}, {@code Instant},
     * {@code OffsetDateTime}, {@code LocalDateTime}, {@code LocalDate}, {@code LocalTime}; the same as the
     * getter of that type.
     *
     * <pre>{@code Instant created = row.get("created_at", Instant.class);}</pre>
     *
     * @param column the column's name
     * @param type   the Java type
     * @param <T>    the type
     * @return the value, or null
     */
    <T> T get(String column, Class<T> type);

    /**
     * A column, by position, as one of the portable Java types ({@link #get(String, Class)}).
     *
     * @param position the column's position, from 1
     * @param type     the Java type
     * @param <T>      the type
     * @return the value, or null
     */
    <T> T get(int position, Class<T> type);

    /**
     * A column as a {@code Long}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    Long getLong(String column);

    /**
     * A column as a {@code Long}.
     *
     * @param position the column's position, from 1
     * @return the value, or null
     */
    Long getLong(int position);

    /**
     * A column as an {@code Integer}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    Integer getInt(String column);

    /**
     * A column as an {@code Integer}.
     *
     * @param position the column's position, from 1
     * @return the value, or null
     */
    Integer getInt(int position);

    /**
     * A column as a {@code Short}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    Short getShort(String column);

    /**
     * A column as a {@code Double}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    Double getDouble(String column);

    /**
     * A column as a {@code Boolean}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    Boolean getBoolean(String column);

    /**
     * A column as a {@code String}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    String getString(String column);

    /**
     * A column as a {@code String}.
     *
     * @param position the column's position, from 1
     * @return the value, or null
     */
    String getString(int position);

    /**
     * A column as a {@code BigDecimal}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    BigDecimal getBigDecimal(String column);

    /**
     * A column as bytes.
     *
     * @param column the column's name
     * @return the value, or null
     */
    byte[] getBytes(String column);

    /**
     * A column as a {@code UUID}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    UUID getUuid(String column);

    /**
     * A column as an {@code Instant}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    Instant getInstant(String column);

    /**
     * A column as an {@code OffsetDateTime} at UTC.
     *
     * @param column the column's name
     * @return the value, or null
     */
    OffsetDateTime getOffsetDateTime(String column);

    /**
     * A column as a {@code LocalDateTime}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    LocalDateTime getLocalDateTime(String column);

    /**
     * A column as a {@code LocalDate}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    LocalDate getLocalDate(String column);

    /**
     * A column as a {@code LocalTime}.
     *
     * @param column the column's name
     * @return the value, or null
     */
    LocalTime getLocalTime(String column);
}
