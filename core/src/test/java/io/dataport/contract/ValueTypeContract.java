package io.dataport.contract;

import io.dataport.ConstraintViolationException;
import io.dataport.CrudRepository;
import io.dataport.DuplicateKeyException;
import io.dataport.MappingException;
import io.dataport.PageRequest;
import io.dataport.Sort;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every portable Java type round-trips to an exactly equal value, edge values and null included, through the
 * repository (insert, insertAll, findById, findAll) and through the application's own queries (entity row
 * mapping), the same on every backend.
 */
public abstract class ValueTypeContract extends ContractSupport {

    public enum Color { RED, GREEN, BLUE_GREEN }

    /** One property of each portable type: primitives, then their wrappers, then the rest. */
    @Table("value_rows")
    public record Row(@Id Long id, long pLong, int pInt, short pShort, boolean pBoolean, double pDouble,
                      Long wLong, Integer wInt, Short wShort, Boolean wBoolean, Double wDouble, String text,
                      BigDecimal decimal, byte[] bytes, UUID uuid, Color color, Instant instant,
                      OffsetDateTime offsetDateTime, LocalDateTime localDateTime, LocalDate localDate,
                      LocalTime localTime) {
    }

    private static final Row EMPTY = new Row(null, 0, 0, (short) 0, false, 0, null, null, null, null, null, null,
            null, null, null, null, null, null, null, null, null);

    /** A decimal declared with precision and scale: {@code NUMERIC(7,2)} on every backend. */
    @Table("price_rows")
    public record Price(@Id Long id, @Column(precision = 7, scale = 2, unique = true) BigDecimal amount) {
    }

    /** The most digits every backend stores exactly in a declared decimal. */
    @Table("wide_price_rows")
    public record WidePrice(@Id Long id, @Column(precision = 15, scale = 2) BigDecimal amount) {
    }

    public record ScaleAbovePrecision(@Id Long id, @Column(precision = 2, scale = 3) BigDecimal amount) {
    }

    public record PrecisionOnText(@Id Long id, @Column(precision = 5) String code) {
    }

    private CrudRepository<Row, Long> rows;

    @BeforeEach
    void schema() {
        db.schema().create(Row.class);
        rows = db.repository(Row.class);
    }

    @Test
    void longValues() {
        roundTrip("pLong", v -> with(EMPTY, "pLong", v), Row::pLong, Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L);
        roundTrip("wLong", v -> with(EMPTY, "wLong", v), Row::wLong, Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, null);
    }

    @Test
    void intValues() {
        roundTrip("pInt", v -> with(EMPTY, "pInt", v), Row::pInt, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1);
        roundTrip("wInt", v -> with(EMPTY, "wInt", v), Row::wInt, Integer.MIN_VALUE, Integer.MAX_VALUE, 0, null);
    }

    @Test
    void shortValues() {
        roundTrip("pShort", v -> with(EMPTY, "pShort", v), Row::pShort, Short.MIN_VALUE, Short.MAX_VALUE,
                (short) 0, (short) -1);
        roundTrip("wShort", v -> with(EMPTY, "wShort", v), Row::wShort, Short.MIN_VALUE, Short.MAX_VALUE,
                (short) 0, null);
    }

    @Test
    void booleanValues() {
        roundTrip("pBoolean", v -> with(EMPTY, "pBoolean", v), Row::pBoolean, true, false);
        roundTrip("wBoolean", v -> with(EMPTY, "wBoolean", v), Row::wBoolean, true, false, null);
    }

    /**
     * Whether the backend's doubles hold {@code -0.0} and the infinities: MySQL's {@code DOUBLE} holds neither
     * (it stores {@code -0.0} as {@code 0}, and Dataport refuses an infinity there as it refuses NaN everywhere).
     */
    protected boolean doublesHoldNegativeZeroAndInfinities() {
        return !target().backend().equals("mysql");
    }

    /** {@code -0.0} as the backend gives it back. */
    private double negativeZero() {
        return doublesHoldNegativeZeroAndInfinities() ? -0.0 : 0.0;
    }

    @Test
    void doubleValues() {
        roundTrip("pDouble", v -> with(EMPTY, "pDouble", v), Row::pDouble, -Double.MAX_VALUE, Double.MAX_VALUE,
                Double.MIN_VALUE, -Double.MIN_VALUE, 0.0, negativeZero(), 0.1, -2.5, 1e300, 123456789.123456789);
        roundTrip("wDouble", v -> with(EMPTY, "wDouble", v), Row::wDouble, Double.MAX_VALUE, Double.MIN_VALUE,
                Math.PI, negativeZero(), null);
        long id = rows.insert(with(EMPTY, "wDouble", -0.0)).id();
        assertThat(rows.findById(id).orElseThrow().wDouble()).as("-0.0 read back").isEqualTo(negativeZero());
    }

    @Test
    void doublesCompareAndAddUpAsNumbersInTheApplicationsSql() {
        rows.deleteAll();
        for (double v : new double[] {-0.0, 2.5, 10.0, -1.0}) {
            rows.insert(with(EMPTY, "pDouble", v));
        }
        List<Double> below = db.inTransaction(s -> s.handle()
                .createQuery("select p_double from value_rows where p_double < 3 order by p_double")
                .mapTo(Double.class).list());
        assertThat(below).containsExactly(-1.0, negativeZero(), 2.5);
        Double sum = db.inTransaction(s -> s.handle().createQuery("select sum(p_double) from value_rows")
                .mapTo(Double.class).one());
        assertThat(sum).isEqualTo(11.5);
    }

    @Test
    void infinitiesRoundTripAndNaNIsRefusedOnEveryBackend() {
        if (!doublesHoldNegativeZeroAndInfinities()) {
            rows.deleteAll();
            for (double infinite : new double[] {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
                assertThatThrownBy(() -> rows.insert(with(EMPTY, "wDouble", infinite)))
                        .isInstanceOf(ConstraintViolationException.class)
                        .hasMessageContaining("holds " + infinite + ", which MySQL's DOUBLE cannot store");
            }
            assertThatThrownBy(() -> rows.insert(with(EMPTY, "pDouble", Double.NaN)))
                    .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("'pDouble' holds NaN");
            assertThat(rows.count()).isZero();
            return;
        }
        roundTrip("pDouble", v -> with(EMPTY, "pDouble", v), Row::pDouble, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        roundTrip("wDouble", v -> with(EMPTY, "wDouble", v), Row::wDouble, Double.POSITIVE_INFINITY,
                Double.NEGATIVE_INFINITY);
        rows.deleteAll();
        assertThatThrownBy(() -> rows.insert(with(EMPTY, "wDouble", Double.NaN)))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("'wDouble' holds NaN");
        assertThatThrownBy(() -> rows.insert(with(EMPTY, "pDouble", Double.NaN)))
                .isInstanceOf(ConstraintViolationException.class).hasMessageContaining("'pDouble' holds NaN");
        assertThat(rows.count()).isZero();
    }

    @Test
    void decimalsWithANegativeScaleComeBackAtScaleZeroOnEveryBackend() {
        Row read = readBack(with(EMPTY, "decimal", new BigDecimal("1E+3")));
        assertThat(read.decimal()).isEqualTo(new BigDecimal("1000"));
        BigDecimal own = db.inTransaction(s -> s.handle().createQuery("select \"decimal\" from value_rows where id = :id")
                .bind("id", read.id()).mapTo(BigDecimal.class).one());
        assertThat(own).isEqualTo(new BigDecimal("1000"));
    }

    @Test
    void stringValues() {
        StringBuilder longText = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            longText.append((char) ('a' + i % 26));
        }
        roundTrip("text", v -> with(EMPTY, "text", v), Row::text, "", " ", "a", "Ada Lovelace", "Grüße, Zoë",
                "日本語テキスト", "emoji 😀🎉", "Ελληνικά", "quotes ' \" \\ ; -- /*", "line\nbreak\ttab",
                longText.toString(), null);
    }

    @Test
    void bigDecimalValuesAreExact() {
        roundTrip("decimal", v -> with(EMPTY, "decimal", v), Row::decimal, new BigDecimal("0"),
                new BigDecimal("0.00"), new BigDecimal("1.10"), new BigDecimal("-1"),
                new BigDecimal("0.1"), new BigDecimal("0.000000000000000000000000000001"),
                new BigDecimal("12345678901234567890123456789.123456789"),
                new BigDecimal("-99999999999999999999999999999999.99999999999999999999"),
                new BigDecimal("3.141592653589793238462643383279502884197"), null);
    }

    @Test
    void declaredDecimalsAreNumericWithTheDeclaredScaleOnEveryBackend() {
        assertThat(db.schema().createSql(Price.class)).containsPattern("(NUMERIC|DECIMAL)\\(7,2\\)");
        db.schema().create(Price.class);
        db.schema().validate(Price.class);
        CrudRepository<Price, Long> prices = db.repository(Price.class);
        List<String> given = List.of("0.1", "1", "-12345.67", "99999.99", "0.00", "1E+1", "0.120");
        List<String> stored = List.of("0.10", "1.00", "-12345.67", "99999.99", "0.00", "10.00", "0.12");
        List<Long> ids = new ArrayList<>();
        for (String v : given) {
            ids.add(prices.insert(new Price(null, new BigDecimal(v))).id());
        }
        for (int i = 0; i < ids.size(); i++) {
            assertThat(prices.findById(ids.get(i)).orElseThrow().amount()).as(given.get(i))
                    .isEqualTo(new BigDecimal(stored.get(i)));
        }
        List<BigDecimal> mapped = db.inTransaction(s -> s.handle().createQuery("select * from price_rows order by id")
                .mapTo(Price.class).list()).stream().map(Price::amount).collect(Collectors.toList());
        assertThat(mapped).containsExactlyElementsOf(stored.stream().map(BigDecimal::new).collect(Collectors.toList()));
    }

    @Test
    void aWrittenDeclaredDecimalComesBackAtItsScaleAsAReadGivesIt() {
        db.schema().create(Price.class);
        CrudRepository<Price, Long> prices = db.repository(Price.class);
        Price inserted = prices.insert(new Price(null, new BigDecimal("0.1")));
        assertThat(inserted.amount()).isEqualTo(new BigDecimal("0.10"));
        assertThat(inserted).isEqualTo(prices.findById(inserted.id()).orElseThrow());
        Price updated = prices.update(new Price(inserted.id(), new BigDecimal("2")));
        assertThat(updated).isEqualTo(prices.findById(inserted.id()).orElseThrow());
    }

    @Test
    void declaredDecimalsAreUniqueByValueOnEveryBackend() {
        db.schema().create(Price.class);
        CrudRepository<Price, Long> prices = db.repository(Price.class);
        prices.insert(new Price(null, new BigDecimal("0.1")));
        assertThatThrownBy(() -> prices.insert(new Price(null, new BigDecimal("0.10"))))
                .isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> db.inTransaction(s -> s.handle().createUpdate("insert into price_rows (amount) values (:a)")
                .bind("a", new BigDecimal("0.100")).execute())).isInstanceOf(DuplicateKeyException.class);
        assertThat(prices.count()).isEqualTo(1);
    }

    @Test
    void declaredDecimalsCompareOrderAndAggregateNumericallyInOwnSqlOnEveryBackend() {
        db.schema().create(Price.class);
        CrudRepository<Price, Long> prices = db.repository(Price.class);
        for (String v : List.of("9.5", "10", "100.25", "-20", "2", "0.1", "0.2")) {
            prices.insert(new Price(null, new BigDecimal(v)));
        }
        List<BigDecimal> above = db.inTransaction(s -> s.handle()
                .createQuery("select amount from price_rows where amount > :x order by amount")
                .bind("x", new BigDecimal("9.6")).mapTo(BigDecimal.class).list());
        assertThat(above).usingElementComparator(BigDecimal::compareTo)
                .containsExactly(new BigDecimal("10"), new BigDecimal("100.25"));
        BigDecimal max = db.inTransaction(s -> s.handle().createQuery("select max(amount) from price_rows")
                .mapTo(BigDecimal.class).one());
        assertThat(max).isEqualByComparingTo("100.25");
        BigDecimal sum = db.inTransaction(s -> s.handle().createQuery("select sum(amount) from price_rows")
                .mapTo(BigDecimal.class).one());
        assertThat(sum).isEqualByComparingTo("102.05");
        List<BigDecimal> ordered = db.inTransaction(s -> s.handle()
                .createQuery("select amount from price_rows order by amount").mapTo(BigDecimal.class).list());
        assertThat(ordered).isSortedAccordingTo(BigDecimal::compareTo).hasSize(7);
        List<BigDecimal> sorted = prices.findAll(PageRequest.of(0, 10, Sort.by("amount"))).content().stream()
                .map(Price::amount).collect(Collectors.toList());
        assertThat(sorted).containsExactly(new BigDecimal("-20.00"), new BigDecimal("0.10"), new BigDecimal("0.20"),
                new BigDecimal("2.00"), new BigDecimal("9.50"), new BigDecimal("10.00"), new BigDecimal("100.25"));
    }

    @Test
    void declaredDecimalsWithTooManyDigitsAreRefusedNotRoundedOnEveryBackend() {
        db.schema().create(Price.class);
        CrudRepository<Price, Long> prices = db.repository(Price.class);
        for (String v : List.of("0.125", "123456", "-100000.00", "99999.995")) {
            assertThatThrownBy(() -> prices.insert(new Price(null, new BigDecimal(v)))).as(v)
                    .isInstanceOf(ConstraintViolationException.class)
                    .hasMessageContaining("'amount'").hasMessageContaining("precision 7, scale 2");
        }
        assertThat(prices.count()).isZero();
    }

    @Test
    void declaredDecimalsOfFifteenDigitsRoundTripExactlyOnEveryBackend() {
        db.schema().create(WidePrice.class);
        CrudRepository<WidePrice, Long> prices = db.repository(WidePrice.class);
        for (String v : List.of("9999999999999.99", "-9999999999999.99", "1234567890123.45", "0.01", "4503599627370.49")) {
            Long id = prices.insert(new WidePrice(null, new BigDecimal(v))).id();
            assertThat(prices.findById(id).orElseThrow().amount()).isEqualTo(new BigDecimal(v));
        }
    }

    @Test
    void impossiblePrecisionAndScaleAreRefusedAtMapping() {
        assertThatThrownBy(() -> db.schema().create(ScaleAbovePrecision.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'amount'").hasMessageContaining("precision 2, scale 3");
        assertThatThrownBy(() -> db.schema().create(PrecisionOnText.class)).isInstanceOf(MappingException.class)
                .hasMessageContaining("'code'").hasMessageContaining("BigDecimal");
    }

    @Test
    void byteArrayValues() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        byte[] large = new byte[200_000];
        Arrays.fill(large, (byte) 0x7f);
        roundTrip("bytes", v -> with(EMPTY, "bytes", v), Row::bytes, new byte[0], new byte[] {0}, all, large, null);
    }

    @Test
    void uuidValues() {
        roundTrip("uuid", v -> with(EMPTY, "uuid", v), Row::uuid, new UUID(0, 0), new UUID(-1, -1),
                UUID.fromString("123e4567-e89b-12d3-a456-426614174000"), UUID.randomUUID(), null);
    }

    @Test
    void enumValuesByName() {
        roundTrip("color", v -> with(EMPTY, "color", v), Row::color, Color.RED, Color.GREEN, Color.BLUE_GREEN, null);
        String stored = db.inTransaction(s -> s.handle().createQuery("select color from value_rows where color is not null "
                + "order by id").mapTo(String.class).first());
        assertThat(stored).isEqualTo("RED");
    }

    @Test
    void instantValuesWithMicroseconds() {
        roundTrip("instant", v -> with(EMPTY, "instant", v), Row::instant, Instant.EPOCH,
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999Z"),
                Instant.parse("1969-12-31T23:59:59.999999Z"), Instant.parse("2024-02-29T12:34:56.000001Z"),
                Instant.parse("2038-01-19T03:14:08.5Z"), null);
    }

    @Test
    void offsetDateTimeValuesNormalisedToUtc() {
        OffsetDateTime india = OffsetDateTime.parse("2024-06-01T10:00:00.123456+05:30");
        OffsetDateTime samoa = OffsetDateTime.parse("0001-01-02T00:00:00-11:00");
        Row read = readBack(with(EMPTY, "offsetDateTime", india));
        assertThat(read.offsetDateTime()).isEqualTo(india.withOffsetSameInstant(ZoneOffset.UTC));
        assertThat(read.offsetDateTime().getOffset()).isEqualTo(ZoneOffset.UTC);
        assertThat(readBack(with(EMPTY, "offsetDateTime", samoa)).offsetDateTime())
                .isEqualTo(samoa.withOffsetSameInstant(ZoneOffset.UTC));
        roundTrip("offsetDateTime", v -> with(EMPTY, "offsetDateTime", v), Row::offsetDateTime,
                OffsetDateTime.parse("1970-01-01T00:00:00Z"), OffsetDateTime.parse("9999-12-31T23:59:59.999999Z"),
                OffsetDateTime.parse("2000-01-01T00:00:00.000001Z"), null);
    }

    @Test
    void localDateTimeValuesWithMicroseconds() {
        roundTrip("localDateTime", v -> with(EMPTY, "localDateTime", v), Row::localDateTime,
                LocalDateTime.parse("0001-01-01T00:00:00"), LocalDateTime.parse("9999-12-31T23:59:59.999999"),
                LocalDateTime.parse("1970-01-01T00:00:00.000001"), LocalDateTime.parse("2024-03-31T02:30:00"),
                null);
    }

    @Test
    void localDateValues() {
        roundTrip("localDate", v -> with(EMPTY, "localDate", v), Row::localDate, LocalDate.parse("0001-01-01"),
                LocalDate.parse("9999-12-31"), LocalDate.EPOCH, LocalDate.parse("2024-02-29"),
                LocalDate.parse("1582-10-15"), null);
    }

    @Test
    void localTimeValuesWithMicroseconds() {
        roundTrip("localTime", v -> with(EMPTY, "localTime", v), Row::localTime, LocalTime.MIDNIGHT,
                LocalTime.parse("23:59:59.999999"), LocalTime.parse("12:00:00.000001"), LocalTime.NOON, null);
    }

    @Test
    void nullForEveryNullableType() {
        Row read = readBack(EMPTY);
        assertThat(read).usingRecursiveComparison().ignoringFields("id").isEqualTo(EMPTY);
    }

    @Test
    void nanosecondsAreTruncatedToMicrosecondsOnEveryBackend() {
        Row row = new Row(null, 0, 0, (short) 0, false, 0, null, null, null, null, null, null, null, null, null, null,
                Instant.parse("2024-01-01T00:00:00.123456789Z"),
                OffsetDateTime.parse("2024-01-01T00:00:00.999999999Z"),
                LocalDateTime.parse("2024-01-01T00:00:00.000000999"), null, LocalTime.parse("10:00:00.000001999"));
        Row read = readBack(row);
        assertThat(read.instant()).isEqualTo(Instant.parse("2024-01-01T00:00:00.123456Z"));
        assertThat(read.offsetDateTime()).isEqualTo(OffsetDateTime.parse("2024-01-01T00:00:00.999999Z"));
        assertThat(read.localDateTime()).isEqualTo(LocalDateTime.parse("2024-01-01T00:00:00"));
        assertThat(read.localTime()).isEqualTo(LocalTime.parse("10:00:00.000001"));
    }

    @Test
    void temporalAndNumericValuesSortInJavaOrder() {
        List<Instant> instants = List.of(Instant.parse("2024-01-01T00:00:00.000010Z"),
                Instant.parse("2024-01-01T00:00:00.000002Z"), Instant.parse("1999-12-31T23:59:59.999999Z"),
                Instant.parse("0001-01-01T00:00:00Z"), Instant.parse("2024-01-01T00:00:00Z"));
        List<Row> inserted = new ArrayList<>();
        for (int i = 0; i < instants.size(); i++) {
            inserted.add(rows.insert(new Row(null, -i * 1000L, 0, (short) 0, false, 1.0 / (i + 1), null, null, null,
                    null, null, "t" + (char) ('a' + (5 - i)), null, null, null, null, instants.get(i), null,
                    LocalDateTime.ofInstant(instants.get(i), ZoneOffset.UTC), null,
                    LocalTime.ofInstant(instants.get(i), ZoneOffset.UTC))));
        }
        assertSorted("instant", Row::instant, Comparator.naturalOrder());
        assertSorted("localDateTime", Row::localDateTime, Comparator.naturalOrder());
        assertSorted("localTime", Row::localTime, Comparator.naturalOrder());
        assertSorted("pLong", Row::pLong, Comparator.naturalOrder());
        assertSorted("pDouble", Row::pDouble, Comparator.naturalOrder());
        assertSorted("text", Row::text, Comparator.naturalOrder());
        assertThat(inserted).hasSize(5);
    }

    @Test
    void textSortsByCodePointAndDecimalsByValue() {
        List<String> texts = List.of("b", "B", "a", "é", "z", "Z", "日本", "Ab", "aB", "", "10", "9");
        List<String> decimals = List.of("10", "9.5", "-1", "0.001", "100.25", "-20", "2");
        for (int i = 0; i < texts.size(); i++) {
            Row row = with(EMPTY, "text", texts.get(i));
            rows.insert(i < decimals.size() ? with(row, "decimal", new BigDecimal(decimals.get(i))) : row);
        }
        List<String> byText = rows.findAll(PageRequest.of(0, 100, Sort.by("text"))).content().stream().map(Row::text)
                .collect(Collectors.toList());
        assertThat(byText).containsExactly("", "10", "9", "Ab", "B", "Z", "a", "aB", "b", "z", "é", "日本");
        List<BigDecimal> byDecimal = rows.findAll(PageRequest.of(0, 100, Sort.by("decimal"))).content().stream()
                .map(Row::decimal).filter(d -> d != null).collect(Collectors.toList());
        assertThat(byDecimal).isSortedAccordingTo(Comparator.naturalOrder()).hasSize(decimals.size());
    }

    @Test
    void lowerLikeMatchesAsciiCaseInsensitivelyOnEveryBackend() {
        for (String t : List.of("Ada Lovelace", "ADA BYRON", "adam", "Grace", "Äda")) {
            rows.insert(with(EMPTY, "text", t));
        }
        List<String> found = db.inTransaction(s -> s.handle()
                .createQuery("select text from value_rows where lower(text) like lower(:p) order by text")
                .bind("p", "ada%").mapTo(String.class).list());
        assertThat(found).containsExactly("ADA BYRON", "Ada Lovelace", "adam");
    }

    @Test
    void ownQueriesBindAndReadValuesAsTheRepositoryStoresThem() {
        Instant t0 = Instant.parse("2024-05-01T00:00:00.000001Z");
        UUID ref = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
        for (int i = 0; i < 3; i++) {
            rows.insert(new Row(null, i, 0, (short) 0, false, 0, null, null, null, null, null, null,
                    new BigDecimal("1.50").add(BigDecimal.valueOf(i)), null, i == 1 ? ref : null, null,
                    t0.plusSeconds(i), t0.plusSeconds(i).atOffset(ZoneOffset.ofHours(2)),
                    LocalDateTime.ofInstant(t0.plusSeconds(i), ZoneOffset.UTC), LocalDate.parse("2024-05-01").plusDays(i),
                    LocalTime.parse("10:00:00.000001").plusSeconds(i)));
        }
        List<Long> later = db.inTransaction(s -> s.handle()
                .createQuery("select p_long from value_rows where instant > :t and local_date_time > :ldt "
                        + "and local_date >= :d and local_time > :lt and offset_date_time > :odt order by p_long")
                .bind("t", t0).bind("ldt", LocalDateTime.ofInstant(t0, ZoneOffset.UTC))
                .bind("d", LocalDate.parse("2024-05-02")).bind("lt", LocalTime.parse("10:00:00.000001"))
                .bind("odt", t0.atOffset(ZoneOffset.ofHours(-5)))
                .mapTo(Long.class).list());
        assertThat(later).containsExactly(1L, 2L);
        Long byUuid = db.inTransaction(s -> s.handle().createQuery("select p_long from value_rows where uuid = :u")
                .bind("u", ref).mapTo(Long.class).one());
        assertThat(byUuid).isEqualTo(1L);
        Long byDecimal = db.inTransaction(s -> s.handle()
                .createQuery("select p_long from value_rows where \"decimal\" = :d").bind("d", new BigDecimal("3.50"))
                .mapTo(Long.class).one());
        assertThat(byDecimal).isEqualTo(2L);
        Instant first = db.inTransaction(s -> s.handle().createQuery("select min(instant) from value_rows")
                .mapTo(Instant.class).one());
        assertThat(first).isEqualTo(t0);
        List<UUID> uuids = db.inTransaction(s -> s.handle().createQuery("select uuid from value_rows where uuid is not null")
                .mapTo(UUID.class).list());
        assertThat(uuids).containsExactly(ref);
        BigDecimal decimal = db.inTransaction(s -> s.handle().createQuery("select \"decimal\" from value_rows where p_long = 0")
                .mapTo(BigDecimal.class).one());
        assertThat(decimal).isEqualTo(new BigDecimal("1.50"));
        LocalDate day = db.inTransaction(s -> s.handle().createQuery("select local_date from value_rows where p_long = 2")
                .mapTo(LocalDate.class).one());
        assertThat(day).isEqualTo(LocalDate.parse("2024-05-03"));
    }

    @Test
    void nullsSortLastAscendingAndFirstDescending() {
        rows.insert(with(EMPTY, "wLong", 5L));
        rows.insert(EMPTY);
        rows.insert(with(EMPTY, "wLong", -5L));
        List<Long> ascending = rows.findAll(PageRequest.of(0, 10, Sort.by("wLong"))).content().stream()
                .map(Row::wLong).collect(Collectors.toList());
        assertThat(ascending).containsExactly(-5L, 5L, null);
        List<Long> descending = rows.findAll(PageRequest.of(0, 10, Sort.by("wLong").descending())).content().stream()
                .map(Row::wLong).collect(Collectors.toList());
        assertThat(descending).containsExactly(null, 5L, -5L);
    }

    private <V extends Comparable<V>> void assertSorted(String property, Function<Row, V> get, Comparator<V> order) {
        List<V> read = rows.findAll(PageRequest.of(0, 100, Sort.by(property))).content().stream().map(get)
                .collect(Collectors.toList());
        List<V> expected = new ArrayList<>(read);
        expected.sort(order);
        assertThat(read).as("order by " + property).containsExactlyElementsOf(expected);
    }

    /**
     * Inserts a row per value (one by one and in a batch), then reads every row back by id, all at once, and
     * through the application's own query; each must hold exactly the value.
     */
    @SafeVarargs
    private <V> void roundTrip(String property, Function<V, Row> make, Function<Row, V> get, V... values) {
        rows.deleteAll();
        List<Row> single = new ArrayList<>();
        for (V v : values) {
            single.add(rows.insert(make.apply(v)));
        }
        List<Row> batch = new ArrayList<>();
        for (V v : values) {
            batch.add(make.apply(v));
        }
        List<Row> batched = rows.insertAll(batch);
        for (int i = 0; i < values.length; i++) {
            V expected = values[i];
            assertThat(get.apply(rows.findById(single.get(i).id()).orElseThrow())).as(property + " #" + i + " by id")
                    .isEqualTo(expected);
            assertThat(get.apply(rows.findById(batched.get(i).id()).orElseThrow())).as(property + " #" + i + " batch")
                    .isEqualTo(expected);
        }
        List<Row> all = rows.findAll();
        List<Row> mapped = db.inTransaction(s -> s.handle().createQuery("select * from value_rows order by id")
                .mapTo(Row.class).list());
        assertThat(all).hasSize(2 * values.length);
        for (int i = 0; i < values.length; i++) {
            assertThat(get.apply(all.get(i))).as(property + " #" + i + " findAll").isEqualTo(values[i]);
            assertThat(get.apply(mapped.get(i))).as(property + " #" + i + " row mapper").isEqualTo(values[i]);
            assertThat(get.apply(mapped.get(values.length + i))).isEqualTo(values[i]);
        }
    }

    private Row readBack(Row row) {
        return rows.findById(rows.insert(row).id()).orElseThrow();
    }

    /** A copy of {@code row} with one property changed. */
    private static Row with(Row row, String property, Object value) {
        Object[] args = new Object[Row.class.getRecordComponents().length];
        try {
            for (int i = 0; i < args.length; i++) {
                var c = Row.class.getRecordComponents()[i];
                args[i] = c.getName().equals(property) ? value : c.getAccessor().invoke(row);
            }
            Class<?>[] types = Arrays.stream(Row.class.getRecordComponents()).map(c -> c.getType()).toArray(Class<?>[]::new);
            return Row.class.getDeclaredConstructor(types).newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
