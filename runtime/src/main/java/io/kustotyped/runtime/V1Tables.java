package io.kustotyped.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the first table of a v1 response ({@code {"Tables":[{"TableName","Columns","Rows"}, ...]}}, the answer to
 * management commands, docs/kusto-rules.md §6.2) with a streaming parser, its cells decoded by column type like the
 * v2 ones ({@link Cells}). Internal.
 */
final class V1Tables {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private V1Tables() {}

    /** The first table of {@code body}. */
    static KustoResultTable first(Buffer body, String requestId) {
        try (JsonParser p = JSON.createParser(body.getBytes())) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                throw malformed("a v1 response (a JSON object with Tables)", body, requestId);
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                JsonToken value = p.nextToken();
                if (field.equals("Tables") && value == JsonToken.START_ARRAY) {
                    if (p.nextToken() != JsonToken.START_OBJECT) {
                        break;
                    }
                    return table(p, body, requestId);
                }
                p.skipChildren();
            }
            throw malformed("a v1 response with a Tables array", body, requestId);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the response to request " + requestId, e);
        }
    }

    private static KustoResultTable table(JsonParser p, Buffer body, String requestId) throws IOException {
        String name = "";
        List<KustoResultTable.Column> columns = null;
        List<List<Object>> rows = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            switch (field) {
                case "TableName" -> name = p.getValueAsString("");
                case "Columns" -> columns = V2RowReader.columns(p, requestId);
                case "Rows" -> {
                    if (columns == null || value != JsonToken.START_ARRAY) {
                        throw malformed("a table with Columns, then Rows", body, requestId);
                    }
                    String[] types = Cells.types(columns);
                    rows = new ArrayList<>();
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t == JsonToken.START_ARRAY) {
                            rows.add(Cells.row(p, types));
                        } else {
                            p.skipChildren(); // v1 query rows may also hold exception objects; they are not data rows
                        }
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (columns == null || rows == null) {
            throw malformed("a table with Columns and Rows", body, requestId);
        }
        return new KustoResultTable(name, columns, rows);
    }

    private static IllegalStateException malformed(String expected, Buffer body, String requestId) {
        String text = body.toString();
        return new IllegalStateException("Expected " + expected + " for request " + requestId + ", got: "
                + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    }
}
