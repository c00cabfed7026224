package io.kustotyped.runtime.json;

/**
 * The slow path of JSON string writing (RFC 8259 §7): what follows the first character that is not plain
 * printable ASCII. Escapes {@code "} and {@code \}, writes control characters as {@code \b \f \n \r \t} or
 * <code>&#92;u00XX</code>, encodes other characters as UTF-8 (valid surrogate pairs as one 4-byte sequence), and escapes
 * unpaired surrogates (<code>&#92;uD800</code>) and U+2028/U+2029 (which break JavaScript consumers) so that nothing is
 * replaced or lost silently.
 */
final class Utf8Strings {

    /**
     * For ASCII characters: 0 when written as is, the letter of a short escape ({@code n} for {@code \n}), or
     * {@code 'u'} for a <code>&#92;u00XX</code> escape.
     */
    static final byte[] ESCAPE = new byte[128];

    private static final byte[] HEX_UPPER = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'};

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPE[c] = 'u';
        }
        ESCAPE['"'] = '"';
        ESCAPE['\\'] = '\\';
        ESCAPE['\b'] = 'b';
        ESCAPE['\f'] = 'f';
        ESCAPE['\n'] = 'n';
        ESCAPE['\r'] = 'r';
        ESCAPE['\t'] = 't';
    }

    private Utf8Strings() {
    }

    /** Writes characters {@code [from, to)} of {@code s}, escaped and UTF-8 encoded, without the quotes. */
    static void writeRest(JsonOutput out, CharSequence s, int from, int to) {
        // Reserve for the worst case once: 6 bytes per char (a backslash-u escape; a 3-byte char; a pair is 4 bytes for 2).
        byte[] b = out.reserve((int) Math.min(Integer.MAX_VALUE, 6L * (to - from)));
        int p = out.pos;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < 128) {
                byte e = ESCAPE[c];
                if (e == 0) {
                    b[p++] = (byte) c;
                } else {
                    p = escape(b, p, c, e);
                }
            } else if (c < 0x800) {
                b[p++] = (byte) (0xC0 | c >> 6);
                b[p++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isSurrogate(c)) {
                char low;
                if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(low = s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, low);
                    b[p++] = (byte) (0xF0 | cp >> 18);
                    b[p++] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[p++] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[p++] = (byte) (0x80 | cp & 0x3F);
                    i++;
                } else {
                    p = unicodeEscape(b, p, c);
                }
            } else if (c == '\u2028' || c == '\u2029') {
                p = unicodeEscape(b, p, c);
            } else {
                b[p++] = (byte) (0xE0 | c >> 12);
                b[p++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[p++] = (byte) (0x80 | c & 0x3F);
            }
        }
        out.pos = p;
    }

    /** Writes one character that needs work (escaping or multi-byte UTF-8); a lone surrogate is escaped. */
    static void writeChar(JsonOutput out, char c) {
        writeRest(out, new SingleChar(c), 0, 1);
    }

    private static int escape(byte[] b, int p, char c, byte e) {
        if (e == 'u') {
            return unicodeEscape(b, p, c);
        }
        b[p] = '\\';
        b[p + 1] = e;
        return p + 2;
    }

    private static int unicodeEscape(byte[] b, int p, char c) {
        b[p] = '\\';
        b[p + 1] = 'u';
        b[p + 2] = HEX_UPPER[c >> 12];
        b[p + 3] = HEX_UPPER[c >> 8 & 0xF];
        b[p + 4] = HEX_UPPER[c >> 4 & 0xF];
        b[p + 5] = HEX_UPPER[c & 0xF];
        return p + 6;
    }

    /** A one-character CharSequence (a rare path: single chars that need escaping or are not ASCII). */
    private record SingleChar(char c) implements CharSequence {
        @Override
        public int length() {
            return 1;
        }

        @Override
        public char charAt(int index) {
            return c;
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return String.valueOf(c).substring(start, end);
        }

        @Override
        public String toString() {
            return String.valueOf(c);
        }
    }
}
