package io.dataport.internal.entity;

import io.dataport.spi.ColumnType;
import io.dataport.spi.ValueCodec;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.argument.ArgumentFactory;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.jdbi.v3.core.mapper.ColumnMapperFactory;

import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The backend's value codec for the application's own Jdbi statements: arguments and column mappers for the
 * types whose storage differs between backends (BigDecimal, UUID and the java.time types), so that
 * {@code where joined > :since} binds an {@code Instant} the way the repository stored it, and
 * {@code mapTo(Instant.class)} reads it back. Types Jdbi already binds the same on every backend are left to
 * Jdbi.
 */
public final class JdbiValues {
    private static final Map<Class<?>, ColumnType> TYPES = Map.of(
            BigDecimal.class, ColumnType.BIG_DECIMAL,
            UUID.class, ColumnType.UUID,
            Instant.class, ColumnType.INSTANT,
            OffsetDateTime.class, ColumnType.OFFSET_DATE_TIME,
            LocalDateTime.class, ColumnType.LOCAL_DATE_TIME,
            LocalDate.class, ColumnType.LOCAL_DATE,
            LocalTime.class, ColumnType.LOCAL_TIME);

    private JdbiValues() {
    }

    /** Binds these types with the backend's codec. */
    public static ArgumentFactory arguments(ValueCodec codec) {
        return new Arguments(codec);
    }

    /** Reads these types with the backend's codec. */
    public static ColumnMapperFactory columnMappers(ValueCodec codec) {
        return (type, config) -> {
            ColumnType columnType = type instanceof Class ? TYPES.get(type) : null;
            if (columnType == null) {
                return Optional.empty();
            }
            ColumnMapper<Object> mapper = (rs, column, ctx) -> codec.read(rs, column, columnType);
            return Optional.of(mapper);
        };
    }

    /**
     * The value as every backend stores it: temporal values truncated to microseconds, {@code OffsetDateTime}
     * at UTC, a {@code BigDecimal} with a negative scale at scale 0 ({@code 1E+3} is {@code 1000}: a NUMERIC
     * column has no negative scale, so it would come back so from one backend and as {@code 1E+3} from another).
     */
    static Object normalize(ColumnType type, Object value) {
        if (value == null) {
            return null;
        }
        switch (type) {
            case INSTANT:
                return ((Instant) value).truncatedTo(ChronoUnit.MICROS);
            case OFFSET_DATE_TIME:
                return ((OffsetDateTime) value).withOffsetSameInstant(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
            case LOCAL_DATE_TIME:
                return ((LocalDateTime) value).truncatedTo(ChronoUnit.MICROS);
            case LOCAL_TIME:
                return ((LocalTime) value).truncatedTo(ChronoUnit.MICROS);
            case BIG_DECIMAL: {
                BigDecimal d = (BigDecimal) value;
                return d.scale() < 0 ? d.setScale(0) : d;
            }
            default:
                return value;
        }
    }

    private static final class Arguments implements ArgumentFactory.Preparable {
        private final ValueCodec codec;

        Arguments(ValueCodec codec) {
            this.codec = codec;
        }

        @Override
        public Optional<Function<Object, Argument>> prepare(Type type, ConfigRegistry config) {
            ColumnType columnType = type instanceof Class ? TYPES.get(type) : null;
            if (columnType == null) {
                return Optional.empty();
            }
            return Optional.of(value -> new ValueArgument(codec, columnType, normalize(columnType, value)));
        }
    }
}
