package io.dataport.transfer.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A table's content checksum: the sum, modulo 2<sup>128</sup>, of each row's 128-bit MurmurHash3 (x64 variant)
 * over the UTF-8 of its values' canonical texts, each marked as NULL, text or double. Computed the same way on
 * both sides in one streaming pass. Not thread-safe.
 *
 * <p>Why a sum and not a hash of rows in key order: a sum does not depend on row order, so neither side has to
 * sort, and text keys need no collation that SQLite and PostgreSQL would have to agree on. A changed, missing
 * or extra row changes the sum unless two 128-bit row hashes happen to cancel out. Why MurmurHash3 and not
 * SHA-256: this guards against accidents, not attackers, and SHA-256 per row was the largest cost of a
 * transfer after the database itself.
 */
final class Checksum {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long C1 = 0x87c37b91114253d5L;
    private static final long C2 = 0x4cf5ad432745937fL;
    private static final byte NULL = 0;
    private static final byte VALUE = 1;
    private static final byte END = 2;
    private static final byte DOUBLE = 3;

    private byte[] buf = new byte[256];
    private int len;
    private long high;
    private long low;
    private long rows;

    /**
     * Adds one row: its canonical values, and their canonical texts ({@link ValueCodec#canonical}) except for
     * doubles, which are hashed by their 64 bits (formatting a double is slow).
     */
    void add(Object[] values, String[] texts) {
        len = 0;
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                put(NULL);
            } else if (v instanceof Double) {
                put(DOUBLE);
                long bits = Double.doubleToLongBits((Double) v);
                for (int b = 56; b >= 0; b -= 8) {
                    put((byte) (bits >>> b));
                }
            } else {
                put(VALUE);
                utf8(texts[i]);
            }
            put(END);
        }
        hash();
        rows++;
    }

    private void put(byte b) {
        if (len == buf.length) {
            buf = Arrays.copyOf(buf, buf.length * 2);
        }
        buf[len++] = b;
    }

    private void utf8(String s) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                put((byte) c);
            } else if (c < 0x800) {
                put((byte) (0xc0 | c >> 6));
                put((byte) (0x80 | c & 0x3f));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                put((byte) (0xf0 | cp >> 18));
                put((byte) (0x80 | cp >> 12 & 0x3f));
                put((byte) (0x80 | cp >> 6 & 0x3f));
                put((byte) (0x80 | cp & 0x3f));
            } else {
                put((byte) (0xe0 | c >> 12));
                put((byte) (0x80 | c >> 6 & 0x3f));
                put((byte) (0x80 | c & 0x3f));
            }
        }
    }

    private void hash() {
        long[] h = murmur3(buf, len);
        long sum = low + h[1];
        high += h[0] + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        low = sum;
    }

    /** MurmurHash3_x64_128 of buf[0, len) with seed 0: {h1, h2}. */
    static long[] murmur3(byte[] buf, int len) {
        long h1 = 0;
        long h2 = 0;
        int blocks = len / 16;
        for (int i = 0; i < blocks; i++) {
            long k1 = (long) LONGS.get(buf, i * 16);
            long k2 = (long) LONGS.get(buf, i * 16 + 8);
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
            h1 = Long.rotateLeft(h1, 27);
            h1 += h2;
            h1 = h1 * 5 + 0x52dce729;
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
            h2 = Long.rotateLeft(h2, 31);
            h2 += h1;
            h2 = h2 * 5 + 0x38495ab5;
        }
        int tail = blocks * 16;
        long k1 = 0;
        long k2 = 0;
        int rest = len & 15;
        for (int i = rest - 1; i >= 8; i--) {
            k2 ^= (long) (buf[tail + i] & 0xff) << (8 * (i - 8));
        }
        if (rest > 8) {
            k2 *= C2;
            k2 = Long.rotateLeft(k2, 33);
            k2 *= C1;
            h2 ^= k2;
        }
        for (int i = Math.min(rest, 8) - 1; i >= 0; i--) {
            k1 ^= (long) (buf[tail + i] & 0xff) << (8 * i);
        }
        if (rest > 0) {
            k1 *= C1;
            k1 = Long.rotateLeft(k1, 31);
            k1 *= C2;
            h1 ^= k1;
        }
        h1 ^= len;
        h2 ^= len;
        h1 += h2;
        h2 += h1;
        h1 = fmix(h1);
        h2 = fmix(h2);
        h1 += h2;
        h2 += h1;
        return new long[] {h1, h2};
    }

    private static long fmix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** Takes away a checksum of rows that are part of this one (rows the target had before an append). */
    void subtract(String hex, long count) {
        long h = Long.parseUnsignedLong(hex.substring(0, 16), 16);
        long l = Long.parseUnsignedLong(hex.substring(16), 16);
        long diff = low - l;
        high = high - h - (Long.compareUnsigned(low, l) < 0 ? 1 : 0);
        low = diff;
        rows -= count;
    }

    long rows() {
        return rows;
    }

    /** The checksum as 32 hex digits. */
    String hex() {
        return HexFormat.of().toHexDigits(high) + HexFormat.of().toHexDigits(low);
    }
}
