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
     * Adds one row of canonical values ({@link ValueCodec}): each value's canonical text ({@link
     * ValueCodec#canonical}) in UTF-8, except for doubles, which are hashed by their 64 bits (formatting a double
     * is slow). Integers, booleans and text are written straight into the buffer, without the text as a String:
     * the same bytes, the commonest values of a transfer.
     */
    void add(Object[] values) {
        len = 0;
        for (Object v : values) {
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
                if (v instanceof String) {
                    utf8((String) v);
                } else if (v instanceof Long) {
                    digits((Long) v);
                } else if (v instanceof Boolean) {
                    put((byte) ((Boolean) v ? 't' : 'f'));
                } else {
                    utf8(ValueCodec.canonical(v));
                }
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

    private void reserve(int bytes) {
        if (len + bytes > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + bytes));
        }
    }

    /** The decimal digits of n, as {@link Long#toString(long)} writes them. */
    private void digits(long n) {
        reserve(20);
        if (n < 0) {
            buf[len++] = '-';
        }
        int start = len;
        do {
            buf[len++] = (byte) ('0' + Math.abs(n % 10));   // abs of the remainder: Long.MIN_VALUE has no positive
            n /= 10;
        } while (n != 0);
        for (int i = start, j = len - 1; i < j; i++, j--) {
            byte t = buf[i];
            buf[i] = buf[j];
            buf[j] = t;
        }
    }

    /** UTF-8, an unpaired surrogate as the three bytes of its code unit. */
    private void utf8(String s) {
        reserve(3 * s.length());
        len = Utf8.encode(s, 0, s.length(), buf, len, false);
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
