package io.dataport.spi;

/**
 * The portable value types an entity property can have, each stored by every {@link Dialect} so that it reads
 * back exactly equal. Enums are stored as {@link #STRING} (their name).
 */
public enum ColumnType {
    /** {@code long}/{@code Long}. */
    LONG,
    /** {@code int}/{@code Integer}. */
    INT,
    /** {@code short}/{@code Short}. */
    SHORT,
    /** {@code boolean}/{@code Boolean}. */
    BOOLEAN,
    /** {@code double}/{@code Double}. */
    DOUBLE,
    /** {@code String}, and enums by name. */
    STRING,
    /** {@code BigDecimal}, exact (value and scale). */
    BIG_DECIMAL,
    /** {@code byte[]}. */
    BYTES,
    /** {@code UUID}. */
    UUID,
    /** {@code Instant}, microsecond precision. */
    INSTANT,
    /** {@code OffsetDateTime}, normalised to UTC, microsecond precision. */
    OFFSET_DATE_TIME,
    /** {@code LocalDateTime}, microsecond precision. */
    LOCAL_DATE_TIME,
    /** {@code LocalDate}. */
    LOCAL_DATE,
    /** {@code LocalTime}, microsecond precision. */
    LOCAL_TIME
}
