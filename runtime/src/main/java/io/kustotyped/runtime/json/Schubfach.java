package io.kustotyped.runtime.json;

import java.math.BigInteger;

/**
 * Shortest round-trip decimal for {@code double} and {@code float}, written straight into a {@link JsonOutput}
 * without allocating.
 *
 * <p>This is an implementation of the Schubfach algorithm from Raffaello Giulietti's paper
 * "The Schubfach way to render doubles" (2020, revised 2022), written from the paper: for a binary value
 * {@code c·2^q}, it computes, with one 126-bit approximation {@code g} of {@code 10^-k}, the rounding interval's
 * bounds scaled by {@code 10^-k} (rounded to odd, which keeps every comparison exact), and picks the shortest
 * decimal inside the interval, closest to the value when several have that length. The table of {@code g} is
 * computed exactly with {@link BigInteger} once, when the class is initialised.
 *
 * <p>The result is the decimal {@code f·10^e} with the fewest significant digits that parses back to the same
 * value (bit-exact). Unlike {@link Double#toString(double)} since JDK 19 it does not insist on two digits for the
 * smallest subnormals ({@code Double.MIN_VALUE} gives {@code 5.0E-324}, which parses back to it), so it never writes
 * more digits than JDK 17's {@code Double.toString}. The layout is {@code Double.toString}'s: plain notation with at
 * least one fraction digit for {@code 1e-3 <= |v| < 1e7} ({@code 100.0}, {@code 0.001}), otherwise
 * {@code d.dddE[-]n} ({@code 1.0E21}, {@code 1.0E-7}). Both are valid JSON numbers. NaN and the infinities are not
 * handled here (the caller writes them as strings, docs/kusto-rules.md §4.2).
 *
 * <p>Two departures from the paper's reference setting, both covered by {@code DoubleEncodingTest} (round trip,
 * digit count and shortness on millions of values and every small subnormal): the step that tries one digit fewer
 * runs from two digits on (not three, which only serves {@code Double.toString}'s two-digit minimum), and floats go
 * through the same code with their own precision and exponent range, using the double's 126-bit {@code g}, which is
 * more precise than floats need and so keeps every comparison exact.
 */
final class Schubfach {

    // Double: precision 53 bits, smallest exponent of the integer significand.
    private static final int D_P = 53;
    private static final int D_Q_MIN = -1074;
    private static final long D_C_MIN = 1L << (D_P - 1);
    private static final long D_T_MASK = (1L << (D_P - 1)) - 1;

    // Float: precision 24 bits.
    private static final int F_P = 24;
    private static final int F_Q_MIN = -149;
    private static final int F_C_MIN = 1 << (F_P - 1);
    private static final int F_T_MASK = (1 << (F_P - 1)) - 1;

    /** Range of the decimal exponent k for which g is tabulated (covers doubles, hence floats too). */
    private static final int K_MIN = -324;

    private static final int K_MAX = 292;

    private static final long MASK_63 = (1L << 63) - 1;

    /** g1(k) at [2(k - K_MIN)], g0(k) at [2(k - K_MIN) + 1]. */
    private static final long[] G = table();

    private Schubfach() {}

    /** Writes finite {@code v}; the caller has handled NaN and infinities. */
    static void write(JsonOutput out, double v) {
        long bits = Double.doubleToRawLongBits(v);
        long t = bits & D_T_MASK;
        int bq = (int) (bits >>> (D_P - 1)) & 0x7FF;
        if (bits < 0) {
            out.rawByte('-');
        }
        if (bq != 0) {
            int mq = -D_Q_MIN + 1 - bq;
            long c = D_C_MIN | t;
            if (0 < mq && mq < D_P) {
                long f = c >> mq;
                if (f << mq == c) {
                    // An integer below 2^53: its own digits are the shortest decimal.
                    DecimalLayout.write(out, f, 0);
                    return;
                }
            }
            toDecimal(out, -mq, c, D_C_MIN, D_Q_MIN);
        } else if (t != 0) {
            toDecimal(out, D_Q_MIN, t, D_C_MIN, D_Q_MIN);
        } else {
            out.raw(ZERO);
        }
    }

    /** Writes finite {@code v}; the caller has handled NaN and infinities. */
    static void write(JsonOutput out, float v) {
        int bits = Float.floatToRawIntBits(v);
        int t = bits & F_T_MASK;
        int bq = (bits >>> (F_P - 1)) & 0xFF;
        if (bits < 0) {
            out.rawByte('-');
        }
        if (bq != 0) {
            int mq = -F_Q_MIN + 1 - bq;
            int c = F_C_MIN | t;
            if (0 < mq && mq < F_P) {
                int f = c >> mq;
                if (f << mq == c) {
                    DecimalLayout.write(out, f, 0);
                    return;
                }
            }
            toDecimal(out, -mq, c, F_C_MIN, F_Q_MIN);
        } else if (t != 0) {
            toDecimal(out, F_Q_MIN, t, F_C_MIN, F_Q_MIN);
        } else {
            out.raw(ZERO);
        }
    }

    private static final byte[] ZERO = {'0', '.', '0'};

    /**
     * The core of the paper for the value {@code c·2^q}. {@code cMin} and
     * {@code qMin} are the format's smallest normal significand and smallest exponent (the interval below
     * {@code cMin·2^q} is half as wide, except for the smallest exponent).
     */
    private static void toDecimal(JsonOutput out, int q, long c, long cMin, int qMin) {
        // Values c with odd significands have open rounding intervals (round-half-even on parsing).
        int odd = (int) c & 1;
        long cb = c << 2;
        long cbr = cb + 2;
        long cbl;
        int k;
        if (c != cMin || q == qMin) {
            cbl = cb - 2;
            k = flog10pow2(q);
        } else {
            cbl = cb - 1;
            k = flog10threeQuartersPow2(q);
        }
        int h = q + flog2pow10(-k) + 2;
        int index = (k - K_MIN) << 1;
        long g1 = G[index];
        long g0 = G[index + 1];

        long vb = rop(g1, g0, cb << h);
        long vbl = rop(g1, g0, cbl << h);
        long vbr = rop(g1, g0, cbr << h);

        long s = vb >> 2;
        if (s >= 10) {
            // Try one digit less: s' = floor(s / 10) * 10 and the next multiple of ten.
            long sp10 = 10 * Math.multiplyHigh(s, 115_292_150_460_684_698L << 4);
            long tp10 = sp10 + 10;
            boolean upin = vbl + odd <= sp10 << 2;
            boolean wpin = (tp10 << 2) + odd <= vbr;
            if (upin != wpin) {
                DecimalLayout.write(out, upin ? sp10 : tp10, k);
                return;
            }
        }
        long t = s + 1;
        boolean uin = vbl + odd <= s << 2;
        boolean win = (t << 2) + odd <= vbr;
        if (uin != win) {
            DecimalLayout.write(out, uin ? s : t, k);
            return;
        }
        // Both s and t are inside: pick the closer one, the even one on a tie.
        long cmp = vb - ((s + t) << 1);
        DecimalLayout.write(out, cmp < 0 || cmp == 0 && (s & 1) == 0 ? s : t, k);
    }

    /** Round-to-odd of {@code (g1·2^63 + g0)·cp / 2^127}, the paper's r_o(g·cp). */
    private static long rop(long g1, long g0, long cp) {
        long x1 = Math.multiplyHigh(g0, cp);
        long y0 = g1 * cp;
        long y1 = Math.multiplyHigh(g1, cp);
        long z = (y0 >>> 1) + x1;
        long vbp = y1 + (z >>> 63);
        return vbp | ((z & MASK_63) + MASK_63) >>> 63;
    }

    /** floor(e·log10(2)) for |e| <= 5_456_721. */
    static int flog10pow2(int e) {
        return (int) (e * 661_971_961_083L >> 41);
    }

    /** floor(e·log10(3/4 · 2)) = floor(log10(3/4 · 2^e)) for |e| <= 5_456_721. */
    static int flog10threeQuartersPow2(int e) {
        return (int) (e * 661_971_961_083L - 274_743_187_321L >> 41);
    }

    /** floor(e·log2(10)) for |e| <= 1_838_394. */
    static int flog2pow10(int e) {
        return (int) (e * 913_124_641_741L >> 38);
    }

    /**
     * For each k: 10^-k = β·2^r with 2^125 <= β < 2^126; g = floor(β) + 1, split into its upper 63 bits g1 and
     * its lower 63 bits g0. Computed exactly.
     */
    private static long[] table() {
        long[] g = new long[(K_MAX - K_MIN + 1) * 2];
        BigInteger mask63 = BigInteger.ONE.shiftLeft(63).subtract(BigInteger.ONE);
        for (int k = K_MIN; k <= K_MAX; k++) {
            int r = flog2pow10(-k) - 125;
            BigInteger beta;
            if (k <= 0) {
                BigInteger p = BigInteger.TEN.pow(-k);
                beta = r <= 0 ? p.shiftLeft(-r) : p.shiftRight(r);
            } else {
                // r < 0 here: β = 2^-r / 10^k.
                beta = BigInteger.ONE.shiftLeft(-r).divide(BigInteger.TEN.pow(k));
            }
            BigInteger gk = beta.add(BigInteger.ONE);
            if (gk.bitLength() != 126) {
                throw new AssertionError("Schubfach table: g(" + k + ") has " + gk.bitLength() + " bits");
            }
            int i = (k - K_MIN) << 1;
            g[i] = gk.shiftRight(63).longValueExact();
            g[i + 1] = gk.and(mask63).longValueExact();
        }
        return g;
    }
}
