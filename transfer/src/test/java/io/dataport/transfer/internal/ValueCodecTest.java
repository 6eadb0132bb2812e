package io.dataport.transfer.internal;

import io.dataport.transfer.internal.LogicalType.Kind;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Value conversion and canonical text, without a database. */
class ValueCodecTest {
    private static ValueCodec codec(LogicalType type) {
        return new ValueCodec(type);
    }

    @Test
    void canonicalTextIsTheSameWhateverTheStorage() throws Rejected {
        ValueCodec money = codec(LogicalType.decimal(10, 2));
        assertThat(ValueCodec.canonical(money.convert(0.99))).isEqualTo("0.99");
        assertThat(ValueCodec.canonical(money.convert("0.990"))).isEqualTo("0.99");
        assertThat(ValueCodec.canonical(money.convert(new BigDecimal("10.00")))).isEqualTo("10");
        assertThat(ValueCodec.canonical(money.convert(10L))).isEqualTo("10");
        assertThat(ValueCodec.canonical(money.convert(new BigDecimal("0.00")))).isEqualTo("0");
        ValueCodec ts = codec(LogicalType.of(Kind.TIMESTAMP));
        assertThat(ValueCodec.canonical(ts.convert("2009-01-01 00:00:00"))).isEqualTo("2009-01-01 00:00:00");
        assertThat(ValueCodec.canonical(ts.convert("2009-01-01T10:20"))).isEqualTo("2009-01-01 10:20:00");
        assertThat(ValueCodec.canonical(ts.convert("2009-01-01"))).isEqualTo("2009-01-01 00:00:00");
        assertThat(ValueCodec.canonical(ts.convert("2009-01-01 10:20:30.1250"))).isEqualTo("2009-01-01 10:20:30.125");
        assertThat(ValueCodec.canonical(LocalDateTime.of(2009, 1, 2, 3, 4, 5, 120_000_000)))
                .isEqualTo("2009-01-02 03:04:05.12");
        assertThat(ValueCodec.canonical(codec(LogicalType.of(Kind.BOOLEAN)).convert(1L))).isEqualTo("t");
        assertThat(ValueCodec.canonical(codec(LogicalType.of(Kind.BLOB)).convert(new byte[] {0, 15, -1})))
                .isEqualTo("000fff");
    }

    @Test
    void rejectsWhatTheTargetWouldChangeOrRefuse() {
        assertThatThrownBy(() -> codec(LogicalType.of(Kind.BIGINT)).convert("abc")).isInstanceOf(Rejected.class)
                .hasMessage("is text, not an integer");
        assertThatThrownBy(() -> codec(LogicalType.of(Kind.BIGINT)).convert(1.5)).hasMessageContaining("real number");
        assertThatThrownBy(() -> codec(LogicalType.decimal(10, 2)).convert(1.005)).hasMessageContaining("rounded");
        assertThatThrownBy(() -> codec(LogicalType.decimal(4, 2)).convert(123L)).hasMessageContaining("integer digits");
        assertThatThrownBy(() -> codec(LogicalType.sized(Kind.VARCHAR, 3)).convert("four")).hasMessageContaining("longer");
        assertThatThrownBy(() -> codec(LogicalType.of(Kind.BOOLEAN)).convert(2L)).hasMessageContaining("0 or 1");
        assertThatThrownBy(() -> codec(LogicalType.of(Kind.TIMESTAMP)).convert(1700000000000L))
                .hasMessageContaining("not a timestamp");
        assertThatThrownBy(() -> codec(LogicalType.of(Kind.DATE)).convert("2009-01-01 10:00:00"))
                .hasMessageContaining("not a date");
        assertThatThrownBy(() -> codec(LogicalType.of(Kind.TEXT)).convert("a\0b")).hasMessageContaining("NUL");
    }

    @Test
    void murmurHash3MatchesTheReferenceImplementation() {
        // Reference values of MurmurHash3_x64_128 with seed 0 (as Guava's murmur3_128 gives them).
        byte[] hello = "hello".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Checksum.murmur3(hello, hello.length)).containsExactly(0xcbd8a7b341bd9b02L, 0x5b1e906a48ae1d19L);
        byte[] fox = "The quick brown fox jumps over the lazy dog".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(Checksum.murmur3(fox, fox.length)).containsExactly(0xe34bbc7bbc071b6cL, 0x7a433ca9c49a9347L);
    }

    @Test
    void theChecksumIgnoresRowOrderButSeesEveryChange() {
        Checksum a = new Checksum();
        Checksum b = new Checksum();
        Object[] one = {1L, "x"};
        Object[] two = {2L, null};
        a.add(one);
        a.add(two);
        b.add(two);
        b.add(one);
        assertThat(a.hex()).isEqualTo(b.hex()).hasSize(32);
        Checksum c = new Checksum();
        c.add(one);
        c.add(new Object[] {2L, ""});
        assertThat(c.hex()).isNotEqualTo(a.hex());
        Checksum d = new Checksum();
        d.add(one);
        d.add(two);
        d.add(one);
        d.subtract(b.hex(), 2);
        Checksum justOne = new Checksum();
        justOne.add(one);
        assertThat(d.hex()).isEqualTo(justOne.hex());
    }
    @Test
    void theChecksumKeepsItsDefinition() {
        // Rows of every kind of canonical value; the sum as the text-based implementation of 0.1 computed it
        // (commit 5512c5a), so that writing values straight into the hash buffer changed no byte of it.
        Object[][] rows = {
            {Long.MIN_VALUE, -1L, 0L, 42L, Long.MAX_VALUE},
            {Boolean.TRUE, Boolean.FALSE, null, "", "h\u00e9llo \uD83D\uDE00 \uD800"},
            {new java.math.BigDecimal("-12.5"), new java.math.BigDecimal("0.0001"),
                java.time.LocalDateTime.of(2023, 11, 14, 22, 13, 20, 500_000_000), java.time.LocalDate.of(2020, 1, 2),
                java.time.LocalTime.of(10, 11, 12, 250_000_000)},
            {java.time.OffsetDateTime.of(2020, 1, 1, 8, 0, 0, 0, java.time.ZoneOffset.UTC), new byte[] {0, 1, -1}, 1.5,
                -0.0, Double.NaN},
        };
        Checksum sum = new Checksum();
        for (Object[] row : rows) {
            sum.add(row);
        }
        assertThat(sum.rows()).isEqualTo(4);
        assertThat(sum.hex()).isEqualTo("5d0b321a04604757d0f4e1b323dbbaae");
    }
}
