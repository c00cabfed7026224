package io.kustotyped.runtime.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link JsonOutput#string}: RFC 8259 escaping and UTF-8, checked byte for byte and through Jackson's parser. */
class StringEncodingTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String write(CharSequence v) {
        JsonOutput out = new JsonOutput(1);
        out.string(v);
        return out.toString();
    }

    private static String parse(String json) throws Exception {
        return JSON.readTree(json).textValue();
    }

    @Test
    void asciiIsCopied() {
        assertEquals("\"\"", write(""));
        assertEquals("\"hello world 123 ~!@#$%^&*()\"", write("hello world 123 ~!@#$%^&*()"));
        assertEquals("null", write(null));
        assertEquals("\"sb\"", write(new StringBuilder("sb")));
    }

    @Test
    void shortEscapes() {
        assertEquals("\"a\\\"b\\\\c/d\"", write("a\"b\\c/d"));
        assertEquals("\"\\b\\f\\n\\r\\t\"", write("\b\f\n\r\t"));
    }

    @Test
    void otherControlCharactersUseUnicodeEscapes() {
        assertEquals("\"\\u0000\\u0001\\u001F\"", write("\u0000\u0001\u001f"));
        assertEquals("\"\u007f\"", write("\u007f")); // DEL needs no escape in JSON
    }

    @Test
    void nonAsciiIsUtf8() throws Exception {
        String s = "café ü € 日本 \uD83D\uDE00";
        JsonOutput out = new JsonOutput();
        out.string(s);
        assertArrayEquals(("\"" + s + "\"").getBytes(StandardCharsets.UTF_8), out.toByteArray());
        assertEquals(s, parse(out.toString()));
    }

    @Test
    void unpairedSurrogatesAreEscapedNotReplaced() throws Exception {
        assertEquals("\"a\\uD83Db\"", write("a\uD83Db"));
        assertEquals("\"\\uDE00x\"", write("\uDE00x"));
        assertEquals("\"x\\uD83D\"", write("x\uD83D"));
        assertEquals("\"\\uDE00\\uD83D\"", write("\uDE00\uD83D")); // reversed pair: two lone halves
        assertEquals("a\uD83Db", parse(write("a\uD83Db")));
    }

    @Test
    void lineAndParagraphSeparatorsAreEscaped() {
        assertEquals("\"a\\u2028b\\u2029\"", write("a\u2028b\u2029"));
    }

    @Test
    void singleCharacters() throws Exception {
        JsonOutput out = new JsonOutput(0);
        out.string('x');
        out.string('"');
        out.string('\n');
        out.string('é');
        out.string('\uD800');
        out.string((Character) null);
        assertEquals("\"x\"\"\\\"\"\"\\n\"\"é\"\"\\uD800\"null", out.toString());
    }

    @Test
    void longStringsCrossingReservationChunksKeepSurrogatePairs() throws Exception {
        for (int offset = 4090; offset < 4100; offset++) {
            StringBuilder sb = new StringBuilder("é"); // leaves the ASCII fast path at once
            while (sb.length() < offset) {
                sb.append(sb.length() % 7 == 0 ? '"' : 'a');
            }
            sb.append("\uD83D\uDE00").append("x".repeat(9000)).append('\n');
            String s = sb.toString();
            JsonOutput out = new JsonOutput(0);
            out.string(s);
            assertEquals(s, parse(out.toString()));
            assertEquals(-1, out.toString().indexOf("\\uD83D"), "a valid pair must not be escaped");
        }
    }

    @Test
    void randomStringsRoundTripThroughJackson() throws Exception {
        SplittableRandom random = new SplittableRandom(1);
        JsonOutput out = new JsonOutput(16);
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(40);
            for (int j = 0; j < len; j++) {
                int kind = random.nextInt(10);
                if (kind < 5) {
                    sb.append((char) (0x20 + random.nextInt(0x5F)));
                } else if (kind < 6) {
                    sb.append((char) random.nextInt(0x20));
                } else if (kind < 8) {
                    sb.append((char) (0x80 + random.nextInt(0xD800 - 0x80)));
                } else if (kind < 9) {
                    sb.appendCodePoint(0x10000 + random.nextInt(0x100000));
                } else {
                    sb.append((char) (0xE000 + random.nextInt(0x2000)));
                }
            }
            String s = sb.toString();
            out.reset();
            out.string(s);
            assertEquals(s, parse(out.toString()), () -> "for " + s);
        }
    }
}
