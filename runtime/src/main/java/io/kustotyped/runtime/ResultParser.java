package io.kustotyped.runtime;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/** Parses v1 ({@code {"Tables":[...]}}) and v2 (array of frames) responses (docs/kusto-rules.md §6.2, §6.3). Internal. */
final class ResultParser {

    private ResultParser() {}

    /** The first table of a v1 response. */
    public static KustoResultTable firstV1Table(Buffer body, String requestId) {
        Object decoded = Json.decodeValue(body);
        if (!(decoded instanceof JsonObject o)
                || !(o.getValue("Tables") instanceof JsonArray tables)
                || tables.isEmpty()) {
            throw malformed("a v1 response with a Tables array", body, requestId);
        }
        return table(tables.getJsonObject(0), "TableName", body, requestId);
    }

    /** The {@code PrimaryResult} table of a v2 response; an error reported in the frames fails. */
    public static KustoResultTable primaryV2Table(Buffer body, String requestId) {
        Object decoded = Json.decodeValue(body);
        if (decoded instanceof JsonObject o && o.getValue("Tables") instanceof JsonArray) {
            return firstV1Table(body, requestId); // a v1 answer on the v2 path: accept it
        }
        if (!(decoded instanceof JsonArray frames)) {
            throw malformed("a v2 response (an array of frames)", body, requestId);
        }
        KustoResultTable primary = null;
        for (Object f : frames) {
            if (!(f instanceof JsonObject frame)) {
                continue;
            }
            String type = frame.getString("FrameType", "");
            if (type.equals("DataTable") && "PrimaryResult".equals(frame.getString("TableKind")) && primary == null) {
                primary = table(frame, "TableName", body, requestId);
            } else if (type.equals("DataSetCompletion") && Boolean.TRUE.equals(frame.getBoolean("HasErrors"))) {
                throw errorFrom(frame.getValue("OneApiErrors"), requestId);
            }
        }
        if (primary == null) {
            throw malformed("a v2 response with a PrimaryResult table", body, requestId);
        }
        return primary;
    }

    /** The Kusto error of a {@code OneApiErrors} array (decoded), or of any other description of a failure. */
    static KustoServiceException errorFrom(Object errors, String requestId) {
        if (errors instanceof JsonArray a
                && !a.isEmpty()
                && a.getValue(0) instanceof JsonObject first
                && first.getValue("error") instanceof JsonObject e) {
            Object perm = e.getValue("@permanent");
            return ServiceErrors.create(new ServiceErrors.Answer(
                    200,
                    e.getString("code"),
                    e.getString("message"),
                    e.getString("@type"),
                    e.getString("@message"),
                    perm instanceof Boolean b ? b : null,
                    null,
                    requestId,
                    null,
                    null));
        }
        return ServiceErrors.create(new ServiceErrors.Answer(
                200,
                null,
                "the query reported errors",
                null,
                null,
                null,
                null,
                requestId,
                null,
                String.valueOf(errors)));
    }

    private static KustoResultTable table(JsonObject t, String nameKey, Buffer body, String requestId) {
        if (!(t.getValue("Columns") instanceof JsonArray cols) || !(t.getValue("Rows") instanceof JsonArray rows)) {
            throw malformed("a table with Columns and Rows", body, requestId);
        }
        List<KustoResultTable.Column> columns = new ArrayList<>(cols.size());
        for (Object c : cols) {
            JsonObject col = (JsonObject) c;
            String type = col.getString("ColumnType");
            if (type == null) {
                type = col.getString("DataType"); // docs/kusto-rules.md §6.2: ColumnType can be missing
            }
            columns.add(new KustoResultTable.Column(col.getString("ColumnName"), type));
        }
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Object r : rows) {
            if (r instanceof JsonArray row) {
                List<Object> values = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    values.add(row.getValue(i)); // wraps nested maps and lists as JsonObject / JsonArray
                }
                out.add(values);
            }
            // v1 query rows may also hold exception objects; they are not data rows
        }
        String name = t.getString(nameKey);
        return new KustoResultTable(name == null ? "" : name, columns, out);
    }

    private static IllegalStateException malformed(String expected, Buffer body, String requestId) {
        String text = body.toString();
        return new IllegalStateException("Expected " + expected + " for request " + requestId + ", got: "
                + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
    }
}
