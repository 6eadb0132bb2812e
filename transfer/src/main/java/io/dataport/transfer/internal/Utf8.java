package io.dataport.transfer.internal;

/**
 * UTF-8 written straight into a byte array, with no String-to-bytes copy in between: the one encoder of the
 * checksum ({@link Checksum}) and of {@code COPY} ({@link CopyBinary}, {@link PostgresCopySink}).
 */
final class Utf8 {
    private Utf8() {
    }

    /**
     * Writes {@code s[from, to)} at {@code pos}, which needs room for 3 bytes a UTF-16 unit (a surrogate pair
     * takes 4 bytes for its 2). An unpaired surrogate is written as the three bytes of its code unit, or, when
     * {@code strict}, ends the write.
     *
     * @return the position after the bytes written, or -1 for an unpaired surrogate when {@code strict}
     */
    static int encode(String s, int from, int to, byte[] buf, int pos, boolean strict) {
        int p = pos;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                buf[p++] = (byte) c;
            } else if (c < 0x800) {
                buf[p++] = (byte) (0xc0 | c >> 6);
                buf[p++] = (byte) (0x80 | c & 0x3f);
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[p++] = (byte) (0xf0 | cp >> 18);
                buf[p++] = (byte) (0x80 | cp >> 12 & 0x3f);
                buf[p++] = (byte) (0x80 | cp >> 6 & 0x3f);
                buf[p++] = (byte) (0x80 | cp & 0x3f);
            } else if (strict && Character.isSurrogate(c)) {
                return -1;
            } else {
                buf[p++] = (byte) (0xe0 | c >> 12);
                buf[p++] = (byte) (0x80 | c >> 6 & 0x3f);
                buf[p++] = (byte) (0x80 | c & 0x3f);
            }
        }
        return p;
    }
}
