package io.kustotyped.it.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kustotyped.runtime.TableSchema;
import io.kustotyped.runtime.json.JsonOutput;
import io.kustotyped.runtime.json.JsonRowWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Writes rows with a generated writer and parses them back with Jackson. */
final class Json {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {}

    /** The text the table's generated writer produces for {@code row}. */
    static <T> String text(TableSchema table, JsonRowWriter<T> writer, T row) {
        JsonOutput out = new JsonOutput();
        writer.write(row, out);
        return new String(out.array(), 0, out.size(), StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code row}, checks that it is one compact JSON object on one line whose keys are exactly the table's
     * columns, in order (what the mapping's paths read), and returns it parsed.
     */
    static <T> JsonNode write(TableSchema table, JsonRowWriter<T> writer, T row) {
        String text = text(table, writer, row);
        assertFalse(text.contains("\n") || text.contains("\r"), "one line: " + text);
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + text, e);
        }
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        List<String> columns = new ArrayList<>();
        table.columns().forEach(c -> columns.add(c.name()));
        assertEquals(columns, keys, "JSON keys are the columns, in order");
        assertEquals(-1, whitespaceOutsideStrings(text), "compact, no whitespace between tokens: " + text);
        return node;
    }

    /** The index of the first whitespace character outside a JSON string, or -1. */
    private static int whitespaceOutsideStrings(String text) {
        boolean inString = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (inString) {
                if (c == '\\') {
                    i++;
                } else if (c == '"') {
                    inString = false;
                }
            } else if (c == '"') {
                inString = true;
            } else if (Character.isWhitespace(c)) {
                return i;
            }
        }
        return -1;
    }

    /** Parses JSON text (for expected values). */
    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
