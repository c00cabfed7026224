package io.kustotyped.runtime.json;

/**
 * Lays out a decimal {@code f·10^e} ({@code f > 0}) the way {@link Double#toString(double)} does, which is also a
 * valid JSON number: plain with at least one fraction digit when {@code 1e-3 <= value < 1e7}, otherwise one digit,
 * a point, the other digits (at least one) and {@code E} with the exponent. Trailing zeros of {@code f} are dropped.
 */
final class DecimalLayout {

    private DecimalLayout() {}

    static void write(JsonOutput out, long f, int e) {
        while (f % 10 == 0) {
            f /= 10;
            e++;
        }
        int len = Digits.count(f);
        int exp = e + len - 1; // value = d.ddd × 10^exp
        byte[] b = out.reserve(len + 16);
        int p = out.pos;
        if (exp >= 0 && exp < 7) {
            int intLen = exp + 1;
            if (len <= intLen) {
                Digits.writeBackwards(b, p + len, f);
                p += len;
                for (int i = len; i < intLen; i++) {
                    b[p++] = '0';
                }
                b[p++] = '.';
                b[p++] = '0';
            } else {
                // Write all digits one place to the right, then move the integer part left over the gap.
                Digits.writeBackwards(b, p + len + 1, f);
                System.arraycopy(b, p + 1, b, p, intLen);
                b[p + intLen] = '.';
                p += len + 1;
            }
        } else if (exp < 0 && exp >= -3) {
            b[p++] = '0';
            b[p++] = '.';
            for (int i = -1; i > exp; i--) {
                b[p++] = '0';
            }
            Digits.writeBackwards(b, p + len, f);
            p += len;
        } else {
            Digits.writeBackwards(b, p + len + 1, f);
            b[p] = b[p + 1];
            b[p + 1] = '.';
            if (len == 1) {
                b[p + 2] = '0';
                p += 3;
            } else {
                p += len + 1;
            }
            b[p++] = 'E';
            if (exp < 0) {
                b[p++] = '-';
                exp = -exp;
            }
            p = writeSmall(b, p, exp);
        }
        out.pos = p;
    }

    private static int writeSmall(byte[] b, int p, int v) {
        if (v >= 100) {
            b[p++] = (byte) ('0' + v / 100);
            v %= 100;
            b[p++] = (byte) ('0' + v / 10);
            b[p++] = (byte) ('0' + v % 10);
        } else if (v >= 10) {
            b[p++] = (byte) ('0' + v / 10);
            b[p++] = (byte) ('0' + v % 10);
        } else {
            b[p++] = (byte) ('0' + v);
        }
        return p;
    }
}
