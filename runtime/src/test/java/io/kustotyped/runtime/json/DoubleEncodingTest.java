package io.kustotyped.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonOutput#number(double)} and {@link JsonOutput#number(float)}: output parses back bit-exact, is a valid
 * JSON number, never has more digits than {@code Double.toString} and is the shortest possible.
 */
class DoubleEncodingTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** RFC 8259 §6 number grammar. */
    private static final Pattern JSON_NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][-+]?[0-9]+)?");

    private static String write(double v) {
        JsonOutput out = new JsonOutput(4);
        out.number(v);
        return out.toString();
    }

    private static String write(float v) {
        JsonOutput out = new JsonOutput(4);
        out.number(v);
        return out.toString();
    }

    /** Significant digits of a decimal string such as {@code -1.2300E-5} (leading/trailing zeros dropped). */
    private static int significantDigits(String s) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == 'E' || c == 'e') {
                break;
            }
            if (c >= '0' && c <= '9') {
                if (c != '0') {
                    if (first < 0) {
                        first = count;
                    }
                    last = count;
                }
                count++;
            }
        }
        return first < 0 ? 1 : last - first + 1;
    }

    private static void checkDouble(double v) {
        String s = write(v);
        if (!JSON_NUMBER.matcher(s).matches()) {
            fail("not a JSON number: " + s + " for " + Double.toString(v));
        }
        double back = Double.parseDouble(s);
        if (Double.doubleToRawLongBits(back) != Double.doubleToRawLongBits(v)) {
            fail("round trip failed: " + Double.toString(v) + " written as " + s + " parses as " + back);
        }
        int mine = significantDigits(s);
        int jdk = significantDigits(Double.toString(v));
        if (mine > jdk) {
            fail("more digits than Double.toString: " + s + " vs " + Double.toString(v));
        }
    }

    /** No decimal with one digit fewer parses back to {@code v}. */
    private static void checkShortest(double v) {
        String s = write(v);
        int n = significantDigits(s);
        if (n <= 1) {
            return;
        }
        BigDecimal exact = new BigDecimal(v);
        for (RoundingMode mode : new RoundingMode[] {RoundingMode.FLOOR, RoundingMode.CEILING}) {
            BigDecimal shorter = exact.round(new MathContext(n - 1, mode));
            if (shorter.doubleValue() == v) {
                fail("not shortest: " + s + " but " + shorter + " also gives " + Double.toString(v));
            }
        }
    }

    @Test
    void edgeValuesHaveTheExpectedForm() {
        assertEquals("0.0", write(0.0));
        assertEquals("-0.0", write(-0.0));
        assertEquals("100.0", write(100.0));
        assertEquals("1.0", write(1.0));
        assertEquals("-2.5", write(-2.5));
        assertEquals("0.1", write(0.1));
        assertEquals("0.001", write(0.001));
        assertEquals("1.0E-4", write(1e-4));
        assertEquals("1.0E-7", write(1e-7));
        assertEquals("1234567.0", write(1234567.0));
        assertEquals("1.0E7", write(1e7));
        assertEquals("1.0E21", write(1e21));
        assertEquals("1.0E23", write(1e23));
        assertEquals("5.0E-324", write(Double.MIN_VALUE)); // shortest; JDK 17 writes 4.9E-324
        assertEquals("1.0E-323", write(2 * Double.MIN_VALUE));
        assertEquals("1.7976931348623157E308", write(Double.MAX_VALUE));
        assertEquals("2.2250738585072014E-308", write(Double.MIN_NORMAL));
        assertEquals("9.007199254740992E15", write(9007199254740992.0));
        assertEquals("0.30000000000000004", write(0.1 + 0.2));
        assertEquals("3.141592653589793", write(Math.PI));
        // JDK 17's Double.toString gives 2.0E-3 as "0.002" and this known over-long case as 18 digits.
        assertEquals("2.82879384806159E17", write(2.82879384806159E17));
    }

    @Test
    void nonFiniteValuesAreKustoStrings() {
        assertEquals("\"NaN\"", write(Double.NaN));
        assertEquals("\"Infinity\"", write(Double.POSITIVE_INFINITY));
        assertEquals("\"-Infinity\"", write(Double.NEGATIVE_INFINITY));
        assertEquals("\"NaN\"", write(Float.NaN));
        assertEquals("\"Infinity\"", write(Float.POSITIVE_INFINITY));
        assertEquals("\"-Infinity\"", write(Float.NEGATIVE_INFINITY));
    }

    @Test
    void powersOfTenAndTwoRoundTrip() {
        for (int e = -324; e <= 308; e++) {
            double v = Double.parseDouble("1e" + e);
            checkDouble(v);
            checkDouble(-v);
            checkDouble(Math.nextUp(v));
            checkDouble(Math.nextDown(v));
        }
        for (int e = -1074; e <= 1023; e++) {
            double v = Math.scalb(1.0, e);
            checkDouble(v);
            checkShortest(v);
            checkDouble(Math.nextDown(v));
        }
        for (long i = 0; i < 100_000; i++) {
            checkDouble(i);
            checkDouble(i / 1000.0);
        }
    }

    @Test
    void subnormalsAndExtremes() {
        for (long bits = 1; bits < 5_000; bits++) {
            checkDouble(Double.longBitsToDouble(bits));
        }
        for (long bits = Double.doubleToRawLongBits(Double.MAX_VALUE) - 5_000;
                bits <= Double.doubleToRawLongBits(Double.MAX_VALUE);
                bits++) {
            checkDouble(Double.longBitsToDouble(bits));
        }
        for (long bits = Double.doubleToRawLongBits(Double.MIN_NORMAL) - 2_000;
                bits <= Double.doubleToRawLongBits(Double.MIN_NORMAL) + 2_000;
                bits++) {
            checkDouble(Double.longBitsToDouble(bits));
            checkShortest(Double.longBitsToDouble(bits));
        }
    }

    @Test
    void randomBitPatternsRoundTripWithNoMoreDigitsThanTheJdk() {
        SplittableRandom random = new SplittableRandom(20_261_128L);
        for (int i = 0; i < 2_000_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                checkDouble(v);
            }
        }
        for (int i = 0; i < 200_000; i++) {
            checkDouble(random.nextDouble() * 1000); // the common "metric" range, many plain-notation values
        }
    }

    @Test
    void randomValuesAreShortest() {
        SplittableRandom random = new SplittableRandom(42L);
        for (int i = 0; i < 30_000; i++) {
            double v = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(v)) {
                checkShortest(v);
            }
            checkShortest(random.nextDouble() * 100);
        }
    }

    @Test
    void floatsRoundTripAsFloats() {
        SplittableRandom random = new SplittableRandom(7L);
        for (int i = 0; i < 500_000; i++) {
            float v = Float.intBitsToFloat(random.nextInt());
            if (!Float.isFinite(v)) {
                continue;
            }
            checkFloat(v);
        }
        for (int bits = 1; bits < 3_000; bits++) {
            checkFloat(Float.intBitsToFloat(bits));
        }
        assertEquals("1.0E-45", write(Float.MIN_VALUE)); // shortest; JDK 17 writes 1.4E-45
        assertEquals("3.4028235E38", write(Float.MAX_VALUE));
        assertEquals("0.1", write(0.1f));
        assertEquals("100.0", write(100f));
        assertEquals("-0.0", write(-0f));
        assertEquals("1.0E10", write(1e10f));
    }

    private static void checkFloat(float v) {
        String s = write(v);
        if (!JSON_NUMBER.matcher(s).matches()) {
            fail("not a JSON number: " + s + " for " + Float.toString(v));
        }
        float back = Float.parseFloat(s);
        if (Float.floatToRawIntBits(back) != Float.floatToRawIntBits(v)) {
            fail("float round trip failed: " + Float.toString(v) + " written as " + s);
        }
        assertTrue(
                significantDigits(s) <= significantDigits(Float.toString(v)),
                () -> "more digits than Float.toString: " + s + " vs " + Float.toString(v));
    }

    @Test
    void jacksonReadsTheExactValueInsideADocument() throws Exception {
        JsonOutput out = new JsonOutput();
        double[] values = {0.0, -0.0, 1e-7, 123.456, 1e21, Double.MIN_VALUE, Double.MAX_VALUE, -1.5e-300};
        out.rawByte('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.rawByte(',');
            }
            out.number(values[i]);
        }
        out.rawByte(']');
        JsonNode tree = JSON.readTree(out.toByteArray());
        for (int i = 0; i < values.length; i++) {
            assertEquals(
                    Double.doubleToRawLongBits(values[i]),
                    Double.doubleToRawLongBits(tree.get(i).doubleValue()),
                    "element " + i);
        }
        assertNotEquals(0, out.size());
    }
}
