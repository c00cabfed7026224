package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.store.ScalarType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Writes v2 query responses (docs/kusto-rules.md §6.3): a JSON array of frames {@code DataSetHeader}, the
 * {@code @ExtendedProperties} {@code QueryProperties} table, the {@code PrimaryResult}, the
 * {@code QueryCompletionInformation} table and {@code DataSetCompletion}. Every frame carries {@code FrameType}.
 */
final class V2Writer {
    // A mapper-backed factory, so dynamic (JsonNode) cells can be written with writeTree.
    private static final JsonFactory JSON = new com.fasterxml.jackson.databind.ObjectMapper().getFactory();

    private static final String VISUALIZATION = "{\"Visualization\":null,\"Title\":null,\"XColumn\":null,"
            + "\"Series\":null,\"YColumns\":null,\"AnomalyColumns\":null,\"XTitle\":null,\"YTitle\":null,"
            + "\"XAxis\":null,\"YAxis\":null,\"Legend\":null,\"YSplit\":null,\"Accumulate\":false,"
            + "\"IsQuerySorted\":false,\"Kind\":null,\"Ymin\":\"NaN\",\"Ymax\":\"NaN\",\"Xmin\":null,"
            + "\"Xmax\":null}";

    private V2Writer() {}

    static String query(ResultTable primary, RequestInfo info) {
        return query(primary, info, Long.MAX_VALUE);
    }

    /**
     * @param recordLimit past this many rows the result is truncated: the rows up to it, an error event in
     *     {@code QueryCompletionInformation} and a {@code LimitsExceeded} error in {@code DataSetCompletion}
     */
    static String query(ResultTable primary, RequestInfo info, long recordLimit) {
        boolean truncated = primary.rows().size() > recordLimit;
        String limitMessage = "Query execution has exceeded the allowed limits (80DA0003): The results of this query"
                + " exceed the set limit of " + recordLimit + " records, so not all records were returned"
                + " (E_QUERY_RESULT_SET_TOO_LARGE, 0x80DA0003). See https://aka.ms/kustoquerylimits for more"
                + " information and possible solutions.";
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            g.writeStartObject();
            g.writeStringField("FrameType", "DataSetHeader");
            g.writeBooleanField("IsProgressive", false);
            g.writeStringField("Version", "v2.0");
            g.writeBooleanField("IsFragmented", false);
            g.writeStringField("ErrorReportingPlacement", "EndOfDataSet");
            g.writeEndObject();

            ResultTable properties = new ResultTable(
                    "@ExtendedProperties",
                    List.of(
                            ResultTable.col("TableId", ScalarType.INT),
                            ResultTable.col("Key", ScalarType.STRING),
                            ResultTable.col("Value", ScalarType.DYNAMIC)),
                    // The service sends this dynamic value as a JSON string holding the object, not as an object (as
                    // in the v2 responses the official SDKs test against, docs/kusto-rules.md §6.3).
                    List.<Object[]>of(new Object[] {1, "Visualization", VISUALIZATION}));
            dataTable(g, 0, "QueryProperties", properties);
            List<Object[]> rows = truncated ? primary.rows().subList(0, (int) recordLimit) : primary.rows();
            dataTable(g, 1, "PrimaryResult", new ResultTable("PrimaryResult", primary.columns(), rows));

            String clientRequestId = info == null ? null : info.clientRequestId();
            String activityId = info == null ? null : info.activityId();
            ResultTable completion = new ResultTable(
                    "QueryCompletionInformation",
                    List.of(
                            ResultTable.col("Timestamp", ScalarType.DATETIME),
                            ResultTable.col("ClientRequestId", ScalarType.STRING),
                            ResultTable.col("ActivityId", ScalarType.GUID),
                            ResultTable.col("SubActivityId", ScalarType.GUID),
                            ResultTable.col("ParentActivityId", ScalarType.GUID),
                            ResultTable.col("Level", ScalarType.INT),
                            ResultTable.col("LevelName", ScalarType.STRING),
                            ResultTable.col("StatusCode", ScalarType.INT),
                            ResultTable.col("StatusCodeName", ScalarType.STRING),
                            ResultTable.col("EventType", ScalarType.INT),
                            ResultTable.col("EventTypeName", ScalarType.STRING),
                            ResultTable.col("Payload", ScalarType.STRING)),
                    List.<Object[]>of(
                            truncated
                                    ? new Object[] {
                                        Instant.now(),
                                        clientRequestId,
                                        activityId,
                                        UUID.randomUUID(),
                                        activityId,
                                        2,
                                        "Error",
                                        -2133196797,
                                        "LimitsExceeded",
                                        4,
                                        "QueryInfo",
                                        "{\"Count\":1,\"Text\":\"" + limitMessage + "\"}"
                                    }
                                    : new Object[] {
                                        Instant.now(),
                                        clientRequestId,
                                        activityId,
                                        UUID.randomUUID(),
                                        activityId,
                                        4,
                                        "Info",
                                        0,
                                        "S_OK (0)",
                                        4,
                                        "QueryInfo",
                                        "{\"Count\":1,\"Text\":\"Query completed successfully\"}"
                                    }));
            dataTable(g, 2, "QueryCompletionInformation", completion);

            g.writeStartObject();
            g.writeStringField("FrameType", "DataSetCompletion");
            g.writeBooleanField("HasErrors", truncated);
            g.writeBooleanField("Cancelled", false);
            if (truncated) {
                g.writeArrayFieldStart("OneApiErrors");
                g.writeStartObject();
                g.writeObjectFieldStart("error");
                g.writeStringField("code", "LimitsExceeded");
                g.writeStringField("message", "Request is invalid and cannot be executed.");
                g.writeStringField(
                        "@type", "Kusto.Data.Exceptions.KustoServicePartialQueryFailureLimitsExceededException");
                g.writeStringField("@message", limitMessage);
                // The same query truncates again: not worth retrying as it is.
                g.writeBooleanField("@permanent", true);
                g.writeEndObject();
                g.writeEndObject();
                g.writeEndArray();
            }
            g.writeEndObject();
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    private static void dataTable(JsonGenerator g, int id, String kind, ResultTable t) throws IOException {
        g.writeStartObject();
        g.writeStringField("FrameType", "DataTable");
        g.writeNumberField("TableId", id);
        g.writeStringField("TableKind", kind);
        g.writeStringField("TableName", t.name());
        g.writeArrayFieldStart("Columns");
        for (ResultTable.Column c : t.columns()) {
            g.writeStartObject();
            g.writeStringField("ColumnName", c.name());
            g.writeStringField("ColumnType", c.type().cslName());
            g.writeEndObject();
        }
        g.writeEndArray();
        JsonValues.writeRows(g, t.rows());
        g.writeEndObject();
    }
}
