package io.kustotyped.runtime;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.json.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the {@code PrimaryResult} of a v2 query response (docs/kusto-rules.md §6.3) through a {@link RowReader}, with
 * a streaming {@link JsonParser}: frame by frame, binding at the primary table's {@code Columns} and decoding its
 * {@code Rows} one at a time, so that no tree of the response is built and no more than one row is held. Then reads
 * what the service says at the end: errors in {@code DataSetCompletion} ({@code OneApiErrors}, which is how a
 * truncated result is reported, https://learn.microsoft.com/kusto/concepts/partial-query-failures) and error
 * events in the {@code QueryCompletionInformation} table. Internal; runs on a worker thread.
 */
final class V2RowReader {

    private static final JsonFactory JSON = JsonFactory.builder().build();

    private V2RowReader() {}

    /**
     * Reads the response, handing each row of the primary result to {@code sink} as it is decoded.
     *
     * @return the number of rows read
     * @throws KustoServiceException when the service reported an error (truncation included)
     * @throws RowReadException when a row does not fit the reader's type
     * @throws IllegalStateException when the body is not a v2 response
     */
    static <T> long read(InputStream body, RowReader<T> reader, Consumer<? super T> sink, String requestId)
            throws IOException {
        try (JsonParser p = JSON.createParser(body)) {
            if (p.nextToken() != JsonToken.START_ARRAY) {
                throw malformed("a v2 response (an array of frames)", p, requestId);
            }
            long rows = -1;
            String completionError = null;
            boolean hasErrors = false;
            boolean cancelled = false;
            List<String> events = new ArrayList<>();
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
                String frameType = null;
                String tableKind = null;
                List<KustoResultTable.Column> columns = null;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    p.nextToken();
                    switch (field) {
                        case "FrameType" -> frameType = p.getValueAsString();
                        case "TableKind" -> tableKind = p.getValueAsString();
                        case "HasErrors" -> hasErrors |= p.currentToken() == JsonToken.VALUE_TRUE;
                        case "Cancelled" -> cancelled |= p.currentToken() == JsonToken.VALUE_TRUE;
                        case "OneApiErrors" -> completionError = copy(p);
                        case "Columns" -> columns = columns(p, requestId);
                        case "Rows" -> {
                            if ("PrimaryResult".equals(tableKind) && rows < 0) {
                                if (columns == null) {
                                    throw malformed("Columns before Rows in the PrimaryResult table", p, requestId);
                                }
                                rows = primaryRows(p, reader.bind(columns), sink, requestId);
                            } else if ("QueryCompletionInformation".equals(tableKind) && columns != null) {
                                completionEvents(p, columns, events);
                            } else {
                                p.skipChildren();
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
                if (!"DataSetCompletion".equals(frameType)) {
                    continue;
                }
                if (hasErrors || completionError != null && !completionError.equals("[]")) {
                    throw ResultParser.errorFrom(
                            completionError == null ? null : Json.decodeValue(completionError), requestId);
                }
                if (cancelled) {
                    throw ResultParser.errorFrom("the query was cancelled", requestId);
                }
            }
            if (t != JsonToken.END_ARRAY) {
                throw malformed("a v2 frame (a JSON object)", p, requestId);
            }
            if (!events.isEmpty()) {
                throw ResultParser.errorFrom(String.join("; ", events), requestId);
            }
            if (rows < 0) {
                throw malformed("a v2 response with a PrimaryResult table", p, requestId);
            }
            return rows;
        }
    }

    /** Reads a {@code Columns} array (v1 and v2 share its shape); the parser is at its {@code START_ARRAY}. */
    static List<KustoResultTable.Column> columns(JsonParser p, String requestId) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw malformed("Columns to be an array", p, requestId);
        }
        List<KustoResultTable.Column> columns = new ArrayList<>();
        while (p.nextToken() == JsonToken.START_OBJECT) {
            String name = null;
            String type = null;
            String dataType = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String field = p.currentName();
                p.nextToken();
                switch (field) {
                    case "ColumnName" -> name = p.getValueAsString();
                    case "ColumnType" -> type = p.getValueAsString();
                    case "DataType" -> dataType = p.getValueAsString();
                    default -> p.skipChildren();
                }
            }
            // docs/kusto-rules.md §6.2: ColumnType can be missing; DataType is the .NET name then.
            columns.add(new KustoResultTable.Column(name, type != null ? type : dataType));
        }
        return columns;
    }

    private static <T> long primaryRows(
            JsonParser p, RowReader.Decoder<T> decoder, Consumer<? super T> sink, String requestId) throws IOException {
        if (p.currentToken() != JsonToken.START_ARRAY) {
            throw malformed("Rows to be an array", p, requestId);
        }
        long row = 0;
        JsonToken t;
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
            if (t == JsonToken.START_OBJECT) {
                // An error placed inside the data (https://learn.microsoft.com/kusto/concepts/partial-query-failures).
                throw ResultParser.errorFrom("the query failed after " + row + " rows: " + copy(p), requestId);
            }
            if (t != JsonToken.START_ARRAY) {
                throw malformed("a row (an array of values)", p, requestId);
            }
            T value;
            try {
                value = decoder.read(p, row);
            } catch (RowReadException e) {
                throw e.clientRequestId() != null
                        ? e
                        : new RowReadException(e.getMessage(), e.column(), e.row(), e.getCause(), requestId);
            }
            sink.accept(value);
            row++;
        }
        return row;
    }

    /** Error events ({@code LevelName} {@code Error} or {@code Critical}) of the completion table. */
    private static void completionEvents(JsonParser p, List<KustoResultTable.Column> columns, List<String> events)
            throws IOException {
        int level = -1;
        int payload = -1;
        for (int i = 0; i < columns.size(); i++) {
            String name = columns.get(i).name();
            if ("LevelName".equals(name)) {
                level = i;
            } else if ("Payload".equals(name)) {
                payload = i;
            }
        }
        while (p.nextToken() == JsonToken.START_ARRAY) {
            String levelName = null;
            String text = null;
            int i = 0;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                if (i == level) {
                    levelName = p.getValueAsString();
                } else if (i == payload) {
                    text = p.currentToken().isStructStart() ? copy(p) : p.getValueAsString();
                }
                p.skipChildren();
                i++;
            }
            if ("Error".equals(levelName) || "Critical".equals(levelName)) {
                events.add(String.valueOf(text));
            }
        }
        if (p.currentToken() != JsonToken.END_ARRAY) {
            p.skipChildren();
        }
    }

    /** The current value as JSON text (small values only: errors and payloads). */
    private static String copy(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }

    private static IllegalStateException malformed(String expected, JsonParser p, String requestId) {
        return new IllegalStateException("Expected " + expected + " in the response to request " + requestId + ", at "
                + p.currentLocation().offsetDescription() + " (token " + p.currentToken() + ")");
    }
}
