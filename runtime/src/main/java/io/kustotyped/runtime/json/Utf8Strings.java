package io.kustotyped.runtime.json;

/**
 * JSON string writing (RFC 8259 §7). The fast path ({@link #quoted(JsonOutput, String)}) copies plain printable
 * ASCII with one capacity check per string; the slow path ({@link #writeRest}) takes over at the first character
 * that is not plain printable ASCII. Escapes {@code "} and {@code \}, writes control characters as {@code \b \f \n \r \t} or
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

    private static final byte[] HEX_UPPER = {
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F'
    };

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

    private Utf8Strings() {}

    /** Writes {@code v} quoted; its own overload so that the JIT sees only {@code String.charAt}. */
    static void quoted(JsonOutput out, String v) {
        int len = v.length();
        byte[] b = out.reserve(len + 2);
        int p = out.pos;
        b[p++] = '"';
        int i = 0;
        for (; i < len; i++) {
            char c = v.charAt(i);
            if (c >= 128 || ESCAPE[c] != 0) {
                break;
            }
            b[p++] = (byte) c;
        }
        out.pos = p;
        if (i < len) {
            writeRest(out, v, i, len);
            b = out.reserve(1);
        }
        b[out.pos++] = '"';
    }

    /** As {@link #quoted(JsonOutput, String)} for any other {@link CharSequence}. */
    static void quoted(JsonOutput out, CharSequence v) {
        int len = v.length();
        byte[] b = out.reserve(len + 2);
        int p = out.pos;
        b[p++] = '"';
        int i = 0;
        for (; i < len; i++) {
            char c = v.charAt(i);
            if (c >= 128 || ESCAPE[c] != 0) {
                break;
            }
            b[p++] = (byte) c;
        }
        out.pos = p;
        if (i < len) {
            writeRest(out, v, i, len);
            b = out.reserve(1);
        }
        b[out.pos++] = '"';
    }

    /** A one-character JSON string. */
    static void quoted(JsonOutput out, char v) {
        byte[] b = out.reserve(3);
        int p = out.pos;
        if (v < 128 && ESCAPE[v] == 0) {
            b[p] = '"';
            b[p + 1] = (byte) v;
            b[p + 2] = '"';
            out.pos = p + 3;
        } else {
            b[p] = '"';
            out.pos = p + 1;
            writeChar(out, v);
            b = out.reserve(1);
            b[out.pos++] = '"';
        }
    }

    /** Characters per capacity reservation in the slow path (6 bytes each at worst). */
    private static final int CHUNK = 4096;

    /** Writes characters {@code [from, to)} of {@code s}, escaped and UTF-8 encoded, without the quotes. */
    static void writeRest(JsonOutput out, CharSequence s, int from, int to) {
        int i = from;
        while (i < to) {
            // Reserve for the worst case once per chunk: 6 bytes per char (a backslash-u escape; a 3-byte char;
            // a pair is 4 bytes for 2 chars, so a pair straddling the chunk end still fits).
            int chunkEnd = Math.min(to, i + CHUNK);
            byte[] b = out.reserve(6 * (chunkEnd - i));
            int p = out.pos;
            for (; i < chunkEnd; i++) {
                char c = s.charAt(i);
                if (c < 128) {
                    byte e = ESCAPE[c];
                    if (e == 0) {
                        b[p++] = (byte) c;
                    } else {
                        p = escape(b, p, c, e);
                    }
                } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s.charAt(i + 1))) {
                    int cp = Character.toCodePoint(c, s.charAt(++i));
                    b[p] = (byte) (0xF0 | cp >> 18);
                    b[p + 1] = (byte) (0x80 | cp >> 12 & 0x3F);
                    b[p + 2] = (byte) (0x80 | cp >> 6 & 0x3F);
                    b[p + 3] = (byte) (0x80 | cp & 0x3F);
                    p += 4;
                } else {
                    p = nonAscii(b, p, c);
                }
            }
            out.pos = p;
        }
    }

    /** Writes one character that needs work (escaping or multi-byte UTF-8); a surrogate alone is escaped. */
    static void writeChar(JsonOutput out, char c) {
        byte[] b = out.reserve(6);
        int p = out.pos;
        if (c < 128) {
            byte e = ESCAPE[c];
            if (e == 0) {
                b[p++] = (byte) c;
            } else {
                p = escape(b, p, c, e);
            }
        } else {
            p = nonAscii(b, p, c);
        }
        out.pos = p;
    }

    /** A char >= 0x80 that is not half of a valid surrogate pair: 2 or 3 UTF-8 bytes, or an escape. */
    private static int nonAscii(byte[] b, int p, char c) {
        if (c < 0x800) {
            b[p] = (byte) (0xC0 | c >> 6);
            b[p + 1] = (byte) (0x80 | c & 0x3F);
            return p + 2;
        }
        if (Character.isSurrogate(c) || c == '\u2028' || c == '\u2029') {
            return unicodeEscape(b, p, c);
        }
        b[p] = (byte) (0xE0 | c >> 12);
        b[p + 1] = (byte) (0x80 | c >> 6 & 0x3F);
        b[p + 2] = (byte) (0x80 | c & 0x3F);
        return p + 3;
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
}
