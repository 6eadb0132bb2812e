package io.dataport.internal.transfer;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A table's content checksum: the sum, modulo 2<sup>128</sup>, of the first 128 bits of each row's SHA-256 over
 * the canonical text of its values. Computed the same way on both sides in one streaming pass.
 *
 * <p>Why a sum and not a hash of rows in key order: a sum does not depend on row order, so neither side has to
 * sort, and text keys need no collation that SQLite and PostgreSQL would have to agree on. A changed, missing
 * or extra row changes the sum; two rows could only cancel out by a SHA-256 collision. Not thread-safe.
 */
final class Checksum {
    private static final byte NULL = 0;
    private static final byte VALUE = 1;
    private static final byte END = 2;
    private static final byte DOUBLE = 3;

    private final MessageDigest sha;
    private long high;
    private long low;
    private long rows;

    Checksum() {
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java has SHA-256", e);
        }
    }

    /**
     * Adds one row: its canonical values, and their canonical texts ({@link ValueCodec#canonical}) except for
     * doubles, which are hashed by their 64 bits (formatting a double is the slowest step of a row).
     */
    void add(Object[] values, String[] texts) {
        for (int i = 0; i < values.length; i++) {
            Object v = values[i];
            if (v == null) {
                sha.update(NULL);
            } else if (v instanceof Double) {
                sha.update(DOUBLE);
                long bits = Double.doubleToLongBits((Double) v);
                for (int b = 56; b >= 0; b -= 8) {
                    sha.update((byte) (bits >>> b));
                }
            } else {
                sha.update(VALUE);
                sha.update(texts[i].getBytes(StandardCharsets.UTF_8));
            }
            sha.update(END);
        }
        byte[] d = sha.digest();
        long h = 0;
        long l = 0;
        for (int i = 0; i < 8; i++) {
            h = h << 8 | d[i] & 0xff;
            l = l << 8 | d[i + 8] & 0xff;
        }
        long sum = low + l;
        high += h + (Long.compareUnsigned(sum, low) < 0 ? 1 : 0);
        low = sum;
        rows++;
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
