package io.kustotyped.runtime.json;

/** Standard base64 (RFC 4648 §4 alphabet, {@code =} padding), quoted, written straight into the buffer. */
final class Base64Writer {

    private static final byte[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private Base64Writer() {}

    static void write(JsonOutput out, byte[] v) {
        int n = v.length;
        long encoded = (n + 2L) / 3 * 4;
        if (encoded + 2 > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("byte[] of " + n + " bytes is too large to base64-encode in one buffer");
        }
        byte[] b = out.reserve((int) encoded + 2);
        int p = out.pos;
        b[p++] = '"';
        int i = 0;
        int whole = n - n % 3;
        for (; i < whole; i += 3) {
            int bits = (v[i] & 0xFF) << 16 | (v[i + 1] & 0xFF) << 8 | v[i + 2] & 0xFF;
            b[p] = ALPHABET[bits >>> 18];
            b[p + 1] = ALPHABET[bits >>> 12 & 0x3F];
            b[p + 2] = ALPHABET[bits >>> 6 & 0x3F];
            b[p + 3] = ALPHABET[bits & 0x3F];
            p += 4;
        }
        int left = n - whole;
        if (left == 1) {
            int bits = (v[i] & 0xFF) << 16;
            b[p] = ALPHABET[bits >>> 18];
            b[p + 1] = ALPHABET[bits >>> 12 & 0x3F];
            b[p + 2] = '=';
            b[p + 3] = '=';
            p += 4;
        } else if (left == 2) {
            int bits = (v[i] & 0xFF) << 16 | (v[i + 1] & 0xFF) << 8;
            b[p] = ALPHABET[bits >>> 18];
            b[p + 1] = ALPHABET[bits >>> 12 & 0x3F];
            b[p + 2] = ALPHABET[bits >>> 6 & 0x3F];
            b[p + 3] = '=';
            p += 4;
        }
        b[p++] = '"';
        out.pos = p;
    }
}
