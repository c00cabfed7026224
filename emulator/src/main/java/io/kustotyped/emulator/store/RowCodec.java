package io.kustotyped.emulator.store;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Encodes row cells as JSON for the row files (through {@link CellJson}), and decodes them back by column type,
 * exactly: decimals keep
 * their digits and scale ({@code 1.10} stays {@code 1.10}, {@code 1E+400} stays a number), integers of any
 * size stay integers, and text is written as ASCII with {@code \\u} escapes so that any Java string
 * (unpaired surrogates included) comes back unchanged.
 */
final class RowCodec {
    /**
     * The nesting the store's own files may hold: a dynamic value plus the row and the record around it. The
     * ingest readers accept less, so whatever was acknowledged can be written and read back.
     */
    static final int MAX_DEPTH = 2_000;

    /** The mapper for the store's files: exact numbers, ASCII output, limits above anything ingest accepts. */
    static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .maxNumberLength(Integer.MAX_VALUE)
                            .maxStringLength(Integer.MAX_VALUE)
                            .maxNameLength(Integer.MAX_VALUE)
                            .build())
                    .streamWriteConstraints(StreamWriteConstraints.builder()
                            .maxNestingDepth(MAX_DEPTH)
                            .build())
                    .enable(JsonWriteFeature.ESCAPE_NON_ASCII)
                    .build())
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private RowCodec() {}

    /**
     * Encodes rows as one JSON array of rows, each cell in its exact form ({@link CellJson.Form#EXACT}).
     *
     * @param rows the rows
     * @return the UTF-8 JSON (ASCII only)
     * @throws IOException from the generator (a value nested deeper than {@link #MAX_DEPTH})
     */
    static byte[] encodeBatch(List<Object[]> rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            for (Object[] row : rows) {
                CellJson.writeRow(g, row, CellJson.Form.EXACT);
            }
            g.writeEndArray();
        }
        return out.toByteArray();
    }

    static Object[] decode(JsonNode row, List<ColumnDef> columns) {
        Object[] out = new Object[Math.min(row.size(), columns.size())];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = row.get(i);
            out[i] = n.isNull() ? null : decode(n, columns.get(i).type());
        }
        return out;
    }

    private static Object decode(JsonNode n, ScalarType type) {
        return switch (type) {
            case BOOL -> n.booleanValue();
            case INT -> n.intValue();
            case LONG -> n.longValue();
            case REAL -> n.isTextual() ? Double.valueOf(n.textValue()) : (Object) n.doubleValue();
            case DECIMAL -> new BigDecimal(n.textValue());
            case STRING -> n.textValue();
            case DATETIME -> Values.parseDatetime(n.textValue());
            case TIMESPAN -> Values.ofTicks(Long.parseLong(n.textValue()));
            case GUID -> UUID.fromString(n.textValue());
            case DYNAMIC -> n;
        };
    }
}
