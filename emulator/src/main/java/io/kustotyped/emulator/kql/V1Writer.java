package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.store.ScalarType;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Writes v1 responses (docs/kusto-rules.md §6.2): {@code {"Tables":[{"TableName","Columns":[{"ColumnName","DataType",
 * "ColumnType"}],"Rows"}]}}. Management commands get one table {@code Table_0}; v1 queries get the result, an
 * {@code @ExtendedProperties} table, a {@code QueryStatus} table and a final {@code TableOfContents}, which is what the
 * Java SDK's {@code KustoOperationResult} reads to find the primary result.
 */
final class V1Writer {
    // A mapper-backed factory, so dynamic (JsonNode) cells can be written with writeTree.
    private static final JsonFactory JSON = new com.fasterxml.jackson.databind.ObjectMapper().getFactory();

    private V1Writer() {}

    /** The body of a management command response: the table as {@code Table_0}. */
    static String management(ResultTable table) {
        return write(List.of(table));
    }

    /** The body of a {@code /v1/rest/query} response. */
    static String query(ResultTable primary, RequestInfo info) {
        List<ResultTable> tables = new ArrayList<>();
        tables.add(primary);
        tables.add(new ResultTable(
                "@ExtendedProperties",
                List.of(ResultTable.col("Value", ScalarType.STRING)),
                List.<Object[]>of(new Object[] {"{\"Visualization\":null,\"Title\":null,\"Accumulate\":false}"})));
        tables.add(new ResultTable(
                "QueryStatus",
                List.of(
                        ResultTable.col("Timestamp", ScalarType.DATETIME),
                        ResultTable.col("Severity", ScalarType.INT),
                        ResultTable.col("SeverityName", ScalarType.STRING),
                        ResultTable.col("StatusCode", ScalarType.INT),
                        ResultTable.col("StatusDescription", ScalarType.STRING),
                        ResultTable.col("Count", ScalarType.INT),
                        ResultTable.col("RequestId", ScalarType.GUID),
                        ResultTable.col("ActivityId", ScalarType.GUID),
                        ResultTable.col("SubActivityId", ScalarType.GUID),
                        ResultTable.col("ClientActivityId", ScalarType.STRING)),
                List.<Object[]>of(new Object[] {
                    Instant.now(),
                    4,
                    "Info",
                    0,
                    "Query completed successfully",
                    1,
                    UUID.randomUUID(),
                    info == null ? null : info.activityId(),
                    UUID.randomUUID(),
                    info == null ? null : info.clientRequestId()
                })));
        tables.add(new ResultTable(
                "TableOfContents",
                List.of(
                        ResultTable.col("Ordinal", ScalarType.LONG),
                        ResultTable.col("Kind", ScalarType.STRING),
                        ResultTable.col("Name", ScalarType.STRING),
                        ResultTable.col("Id", ScalarType.STRING),
                        ResultTable.col("PrettyName", ScalarType.STRING)),
                List.of(
                        new Object[] {
                            0L,
                            "QueryResult",
                            "PrimaryResult",
                            UUID.randomUUID().toString(),
                            ""
                        },
                        new Object[] {
                            1L,
                            "QueryProperties",
                            "@ExtendedProperties",
                            UUID.randomUUID().toString(),
                            ""
                        },
                        new Object[] {2L, "QueryStatus", "QueryStatus", "00000000-0000-0000-0000-000000000000", ""})));
        return write(tables);
    }

    private static String write(List<ResultTable> tables) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("Tables");
            for (int i = 0; i < tables.size(); i++) {
                ResultTable t = tables.get(i);
                g.writeStartObject();
                g.writeStringField("TableName", "Table_" + i);
                g.writeArrayFieldStart("Columns");
                for (ResultTable.Column c : t.columns()) {
                    g.writeStartObject();
                    g.writeStringField("ColumnName", c.name());
                    g.writeStringField("DataType", c.type().v1DataType());
                    g.writeStringField("ColumnType", c.type().cslName());
                    g.writeEndObject();
                }
                g.writeEndArray();
                JsonValues.writeRows(g, t.rows());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
