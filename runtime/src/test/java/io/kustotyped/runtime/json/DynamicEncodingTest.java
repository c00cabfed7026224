package io.kustotyped.runtime.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@link JsonOutput#dynamic(Object)}: instanceof dispatch for dynamic columns. */
class DynamicEncodingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private enum Level {
        INFO,
        WARN
    }

    private static String write(Object v) {
        JsonOutput out = new JsonOutput(0);
        out.dynamic(v);
        return out.toString();
    }

    @Test
    void scalars() {
        assertEquals("null", write(null));
        assertEquals("\"s\\n\"", write("s\n"));
        assertEquals("\"sb\"", write(new StringBuilder("sb")));
        assertEquals("true", write(Boolean.TRUE));
        assertEquals("42", write(42));
        assertEquals("-7", write(-7L));
        assertEquals("3", write((short) 3));
        assertEquals("-1", write((byte) -1));
        assertEquals("2.5", write(2.5));
        assertEquals("0.1", write(0.1f));
        assertEquals("\"NaN\"", write(Double.NaN));
        assertEquals(
                "12345678901234567890123456789012345.6789",
                write(new BigDecimal("12345678901234567890123456789012345.6789")));
        assertEquals("1000", write(new BigDecimal("1E+3")));
        assertEquals("123456789012345678901234567890", write(new BigInteger("123456789012345678901234567890")));
        assertEquals("\"c\"", write('c'));
        assertEquals("\"WARN\"", write(Level.WARN));
        assertEquals("\"1970-01-01T00:00:01.0000000Z\"", write(Instant.ofEpochSecond(1)));
        assertEquals("\"2020-01-02T00:00:00.0000000Z\"", write(LocalDate.of(2020, 1, 2)));
        assertEquals("\"01:00:00\"", write(Duration.ofHours(1)));
        assertEquals("\"00000000-0000-0001-0000-000000000002\"", write(new UUID(1, 2)));
        assertEquals("\"AQID\"", write(new byte[] {1, 2, 3}));
        assertEquals("\"chars\"", write("chars".toCharArray()));
        assertEquals("5", write(Optional.of(5)));
        assertEquals("null", write(Optional.empty()));
    }

    @Test
    void containers() throws Exception {
        Map<Object, Object> m = new LinkedHashMap<>();
        m.put("a", 1);
        m.put(2, List.of("x", 1.5, Map.of()));
        m.put("n", null);
        m.put("arr", new Object[] {true, null, new int[] {1, -2}});
        m.put("longs", new long[] {Long.MIN_VALUE});
        m.put("doubles", new double[] {1.0, 0.5});
        m.put("floats", new float[] {1.5f});
        m.put("shorts", new short[] {7});
        m.put("bools", new boolean[] {false, true});
        m.put("set", Set.of());
        m.put("empty", new ArrayList<>());
        String json = write(m);
        assertEquals(
                "{\"a\":1,\"2\":[\"x\",1.5,{}],\"n\":null,\"arr\":[true,null,[1,-2]],"
                        + "\"longs\":[-9223372036854775808],\"doubles\":[1.0,0.5],\"floats\":[1.5],\"shorts\":[7],"
                        + "\"bools\":[false,true],\"set\":[],\"empty\":[]}",
                json);
        JSON.readTree(json); // valid JSON
    }

    @Test
    void jacksonNodesAreWrittenAsTheirJson() throws Exception {
        String source = "{\"a\":[1,2.5,-3e-7,\"s\\u2028\",true,null,{\"b\":{}}],\"big\":123456789012345678901234567890,"
                + "\"dec\":1.000000000000000000000000000001}";
        JsonNode node = new ObjectMapper()
                .enable(com.fasterxml.jackson.databind.DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .readTree(source);
        String json = write(node);
        assertEquals(
                "{\"a\":[1,2.5,-0.0000003,\"s\\u2028\",true,null,{\"b\":{}}],\"big\":123456789012345678901234567890,"
                        + "\"dec\":1.000000000000000000000000000001}",
                json);
        ObjectNode o = JSON.createObjectNode();
        o.put("bin", new byte[] {(byte) 0xFF});
        o.putPOJO("pojo", Map.of("k", 1));
        assertEquals("{\"bin\":\"/w==\",\"pojo\":{\"k\":1}}", write(o));
        assertEquals("null", write(JSON.missingNode()));
    }

    @Test
    void unsupportedTypesAreRejectedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(new Object()));
        assertTrue(e.getMessage().contains("java.lang.Object"), e.getMessage());
        IllegalArgumentException nested = assertThrows(
                IllegalArgumentException.class, () -> write(List.of(new java.util.concurrent.atomic.AtomicInteger(1))));
        assertTrue(nested.getMessage().contains("AtomicInteger"), nested.getMessage());
    }

    @Test
    void nullMapKeysAreRejected() {
        Map<String, Object> m = new java.util.HashMap<>();
        m.put(null, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(m));
        assertTrue(e.getMessage().contains("null key"), e.getMessage());
    }

    @Test
    void cyclesFailClearlyInsteadOfOverflowingTheStack() {
        List<Object> cycle = new ArrayList<>();
        cycle.add(cycle);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> write(cycle));
        assertTrue(e.getMessage().contains("deeper than"), e.getMessage());
        Object[] self = new Object[1];
        self[0] = Arrays.asList(self);
        assertThrows(IllegalArgumentException.class, () -> write(self));
    }
}
