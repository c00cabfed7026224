package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The two forms of one cell encoder: what clients read (docs/kusto-rules.md §6.3) and what the row files keep. */
class CellJsonTest {

    @Test
    void theFormsDifferOnlyForRealDecimalAndTimespan() throws IOException {
        Object[] row = {
            null,
            "a\"b",
            true,
            7,
            8L,
            Instant.parse("2024-01-01T00:00:00.1234567Z"),
            UUID.fromString("00000000-0000-0000-0000-000000000001"),
            JsonNodeFactory.instance.objectNode().put("k", 1)
        };
        String same = "[null,\"a\\\"b\",true,7,8,\"2024-01-01T00:00:00.1234567Z\","
                + "\"00000000-0000-0000-0000-000000000001\",{\"k\":1}]";
        assertEquals(same, json(row, CellJson.Form.WIRE));
        assertEquals(same, json(row, CellJson.Form.EXACT));

        Object[] differ = {
            1.5, -0.0, Double.NaN, Double.NEGATIVE_INFINITY, new BigDecimal("1E+3"), Duration.ofMillis(1500)
        };
        assertEquals(
                "[1.5,-0.0,\"NaN\",\"-Infinity\",\"1000\",\"00:00:01.5000000\"]", json(differ, CellJson.Form.WIRE));
        assertEquals(
                "[\"1.5\",\"-0.0\",\"NaN\",\"-Infinity\",\"1E+3\",\"15000000\"]", json(differ, CellJson.Form.EXACT));
    }

    @Test
    void aValueOfAnotherTypeIsRefusedNamingIt() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class, () -> json(new Object[] {new StringBuilder()}, CellJson.Form.WIRE));
        assertEquals("unsupported cell value type java.lang.StringBuilder", e.getMessage());
    }

    private static String json(Object[] row, CellJson.Form form) throws IOException {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = RowCodec.JSON.createGenerator(out)) {
            CellJson.writeRow(g, row, form);
        }
        return out.toString();
    }
}
