package io.kustotyped.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Base64;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Integers, literals, guid, base64, decimals and the buffer operations of {@link JsonOutput}. */
class ScalarEncodingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void integersIncludingExtremes() throws Exception {
        long[] values = {
            0,
            1,
            -1,
            9,
            10,
            99,
            100,
            12345,
            -12345,
            Integer.MAX_VALUE,
            Integer.MIN_VALUE,
            Integer.MAX_VALUE + 1L,
            999_999_999_999_999_999L,
            1_000_000_000_000_000_000L,
            Long.MAX_VALUE,
            Long.MIN_VALUE,
            Long.MIN_VALUE + 1
        };
        for (long v : values) {
            JsonOutput out = new JsonOutput(0);
            out.number(v);
            assertEquals(Long.toString(v), out.toString());
            assertEquals(v, JSON.readTree(out.toString()).longValue());
        }
        JsonOutput out = new JsonOutput();
        out.number(Integer.MIN_VALUE);
        assertEquals("-2147483648", out.toString());
    }

    @Test
    void randomLongs() {
        SplittableRandom random = new SplittableRandom(3);
        JsonOutput out = new JsonOutput();
        for (int i = 0; i < 200_000; i++) {
            long v = random.nextLong() >> random.nextInt(64);
            out.reset();
            out.number(v);
            assertEquals(Long.toString(v), out.toString());
        }
    }

    @Test
    void literalsAndBoxes() {
        JsonOutput out = new JsonOutput();
        out.bool(true);
        out.rawByte(',');
        out.bool(false);
        out.rawByte(',');
        out.bool((Boolean) null);
        out.rawByte(',');
        out.nullValue();
        out.rawByte(',');
        out.number((Number) 7);
        out.rawByte(',');
        out.number((Number) 2.5f);
        out.rawByte(',');
        out.number((Number) null);
        assertEquals("true,false,null,null,7,2.5,null", out.toString());
        assertThrows(IllegalArgumentException.class, () -> out.number(new java.util.concurrent.atomic.AtomicLong(1)));
    }

    @Test
    void guidIsCanonicalLowerCase() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            UUID u = new UUID(random.nextLong(), random.nextLong());
            JsonOutput out = new JsonOutput(0);
            out.guid(u);
            assertEquals("\"" + u + "\"", out.toString());
        }
        JsonOutput out = new JsonOutput();
        out.guid(new UUID(0, 0));
        out.guid(null);
        assertEquals("\"00000000-0000-0000-0000-000000000000\"null", out.toString());
    }

    @Test
    void base64MatchesTheJdkEncoder() throws Exception {
        SplittableRandom random = new SplittableRandom(9);
        for (int n = 0; n < 300; n++) {
            byte[] bytes = new byte[n];
            for (int i = 0; i < n; i++) {
                bytes[i] = (byte) random.nextInt();
            }
            JsonOutput out = new JsonOutput(0);
            out.base64(bytes);
            assertEquals("\"" + Base64.getEncoder().encodeToString(bytes) + "\"", out.toString());
            assertEquals(n, JSON.readTree(out.toString()).binaryValue().length);
        }
    }

    @Test
    void decimalsKeepEveryDigitAsStrings() {
        JsonOutput out = new JsonOutput();
        out.decimal(new BigDecimal("123.4500"));
        out.rawByte(',');
        out.decimal(new BigDecimal("1E+3"));
        out.rawByte(',');
        out.decimal(new BigDecimal("-0.00000000000000000000000000000000000001"));
        out.rawByte(',');
        out.decimal(new BigInteger("123456789012345678901234567890123456789"));
        out.rawByte(',');
        out.decimal((BigDecimal) null);
        assertEquals(
                "\"123.4500\",\"1000\",\"-0.00000000000000000000000000000000000001\","
                        + "\"123456789012345678901234567890123456789\",null",
                out.toString());
    }

    @Test
    void markTruncateResetAndGrowth() {
        JsonOutput out = new JsonOutput(2);
        out.raw("{\"a\":1}\n".getBytes());
        int mark = out.mark();
        out.raw("{\"a\":2".getBytes());
        assertTrue(out.capacity() >= out.size());
        out.truncate(mark);
        assertEquals("{\"a\":1}\n", out.toString());
        assertEquals(8, out.size());
        assertEquals('{', out.array()[0]);
        assertThrows(IllegalArgumentException.class, () -> out.truncate(9));
        assertThrows(IllegalArgumentException.class, () -> out.truncate(-1));
        int capacity = out.capacity();
        out.reset();
        assertEquals(0, out.size());
        assertEquals(capacity, out.capacity());
        assertThrows(IllegalArgumentException.class, () -> new JsonOutput(-1));
        // Growth from zero capacity, one byte at a time.
        JsonOutput tiny = new JsonOutput(0);
        for (int i = 0; i < 1000; i++) {
            tiny.rawByte('x');
        }
        assertEquals(1000, tiny.size());
        // reset(max) gives back a buffer that grew past max, and keeps a small one.
        tiny.reset(100);
        assertEquals(0, tiny.size());
        assertEquals(100, tiny.capacity());
        tiny.string("abc");
        tiny.reset(4096);
        assertEquals(100, tiny.capacity());
        assertThrows(IllegalArgumentException.class, () -> tiny.reset(-1));
    }
}
