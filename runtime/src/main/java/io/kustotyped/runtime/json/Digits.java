package io.kustotyped.runtime.json;

/**
 * Decimal digit writing shared by the encoders: counts digits and writes non-negative integers into a byte array
 * two digits at a time, backwards from a given end, without allocating.
 */
final class Digits {

    /** "00", "01", ... "99" as ASCII: the pair for n at [2n, 2n + 1]. */
    private static final byte[] PAIRS = new byte[200];

    private static final long[] POW10 = new long[19];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
        long p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10;
        }
    }

    private Digits() {}

    /** Number of decimal digits of {@code v >= 0} (1 for 0). */
    static int count(long v) {
        // floor(log10(2) · bitLength) is the count or one less.
        int bits = 64 - Long.numberOfLeadingZeros(v | 1);
        int guess = (bits * 1233) >>> 12;
        return guess < POW10.length && v >= POW10[guess] ? guess + 1 : Math.max(guess, 1);
    }

    /** Writes {@code v >= 0} so that its last digit lands at {@code end - 1}; returns the first index written. */
    static int writeBackwards(byte[] b, int end, long v) {
        int p = end;
        while (v >= Integer.MAX_VALUE) {
            long q = v / 100;
            int r = (int) (v - q * 100);
            b[--p] = PAIRS[2 * r + 1];
            b[--p] = PAIRS[2 * r];
            v = q;
        }
        int iv = (int) v;
        while (iv >= 100) {
            int q = iv / 100;
            int r = iv - q * 100;
            b[--p] = PAIRS[2 * r + 1];
            b[--p] = PAIRS[2 * r];
            iv = q;
        }
        if (iv >= 10) {
            b[--p] = PAIRS[2 * iv + 1];
            b[--p] = PAIRS[2 * iv];
        } else {
            b[--p] = (byte) ('0' + iv);
        }
        return p;
    }

    /** Writes exactly two digits of {@code 0 <= v < 100} at {@code p}. */
    static void write2(byte[] b, int p, int v) {
        b[p] = PAIRS[2 * v];
        b[p + 1] = PAIRS[2 * v + 1];
    }

    /** Writes exactly {@code width} digits of {@code v >= 0} (zero-padded on the left) at {@code p}. */
    static void writeFixed(byte[] b, int p, long v, int width) {
        for (int i = p + width - 1; i >= p; i--) {
            long q = v / 10;
            b[i] = (byte) ('0' + (int) (v - q * 10));
            v = q;
        }
    }
}
