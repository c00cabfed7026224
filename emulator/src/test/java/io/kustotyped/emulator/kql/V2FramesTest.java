package io.kustotyped.emulator.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kustotyped.emulator.KustoEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The v2 answer ({@code /v2/rest/query}) for a table with a column of every Kusto type, byte for byte where the
 * encoding matters, against the v2 responses of a real service that Microsoft's SDKs test with (Python's
 * {@code deft.json}, Go's {@code validFrames.json}) and https://learn.microsoft.com/kusto/api/rest/response-v2:
 * {@code ColumnType} names; decimal as a string with its exact digits; datetime as
 * {@code yyyy-MM-ddTHH:mm:ss[.FFFFFFF]Z}; timespan in .NET's constant format with 7 fraction digits when there is a
 * fraction; NaN and infinities as strings; long at full range as a JSON number; dynamic as JSON; the
 * {@code @ExtendedProperties} value as a JSON string.
 */
class V2FramesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static KustoEmulator emulator;

    @BeforeAll
    static void start() throws Exception {
        emulator = KustoEmulator.builder().port(0).database("Test").start();
        post(
                "/v1/rest/mgmt",
                ".create table AllTypes (b:bool, dt:datetime, d:dynamic, g:guid, i:int, l:long, r:real,"
                        + " s:string, ts:timespan, dec:decimal)");
        post("/v1/rest/mgmt", ".alter table AllTypes policy streamingingestion enable");
        StringBuilder mapping = new StringBuilder("[");
        for (String c : List.of("b", "dt", "d", "g", "i", "l", "r", "s", "ts", "dec")) {
            mapping.append(mapping.length() > 1 ? "," : "")
                    .append("{\"column\":\"")
                    .append(c)
                    .append("\",\"Properties\":{\"Path\":\"$.")
                    .append(c)
                    .append("\"}}");
        }
        post("/v1/rest/mgmt", ".create table AllTypes ingestion json mapping \"m\" '" + mapping + "]'");
        String rows = String.join(
                "\n",
                "{\"b\":true,\"dt\":\"2024-01-02T03:04:05.5Z\",\"d\":{\"a\":[1,\"x\"],\"n\":null},"
                        + "\"g\":\"74be27de-1e4e-49d9-b579-fe0b331d3642\",\"i\":1,\"l\":9223372036854775807,\"r\":1.5,"
                        + "\"s\":\"é \\\" \\\\ \\n\",\"ts\":\"1.02:03:04.5\",\"dec\":\"1234567890.0123456789\"}",
                "{\"i\":2}",
                "{\"b\":false,\"dt\":\"2024-01-02T03:04:05Z\",\"d\":[],\"i\":3,\"l\":-9223372036854775808,"
                        + "\"r\":\"NaN\",\"ts\":\"-00:00:01\",\"dec\":\"-0.5\"}",
                "{\"dt\":\"2024-01-02T03:04:05.1234567Z\",\"d\":7,\"i\":-2147483648,\"r\":\"-Infinity\","
                        + "\"ts\":\"00:00:00.0000001\"}");
        HttpResponse<String> ingest = HTTP.send(
                HttpRequest.newBuilder(URI.create(
                                base() + "/v1/rest/ingest/Test/AllTypes?streamFormat=MultiJson&mappingName=m"))
                        .POST(HttpRequest.BodyPublishers.ofString(rows))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, ingest.statusCode(), ingest::body);
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private static String base() {
        return emulator.uri().toString().replaceAll("/$", "");
    }

    private static String post(String path, String csl) throws Exception {
        String body = JSON.createObjectNode().put("db", "Test").put("csl", csl).toString();
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(URI.create(base() + path))
                        .header("Content-Type", "application/json; charset=utf-8")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r::body);
        return r.body();
    }

    @Test
    void everyTypeIsNamedAndEncodedAsKustoDoes() throws Exception {
        String body = post("/v2/rest/query", "AllTypes | order by i asc");
        JsonNode frames = JSON.readTree(body);
        assertEquals(5, frames.size());

        JsonNode primary = frames.get(2);
        assertEquals("DataTable", primary.get("FrameType").asText());
        assertEquals("PrimaryResult", primary.get("TableKind").asText());
        assertEquals(
                "[{\"ColumnName\":\"b\",\"ColumnType\":\"bool\"},{\"ColumnName\":\"dt\",\"ColumnType\":\"datetime\"},"
                        + "{\"ColumnName\":\"d\",\"ColumnType\":\"dynamic\"},{\"ColumnName\":\"g\",\"ColumnType\":\"guid\"},"
                        + "{\"ColumnName\":\"i\",\"ColumnType\":\"int\"},{\"ColumnName\":\"l\",\"ColumnType\":\"long\"},"
                        + "{\"ColumnName\":\"r\",\"ColumnType\":\"real\"},{\"ColumnName\":\"s\",\"ColumnType\":\"string\"},"
                        + "{\"ColumnName\":\"ts\",\"ColumnType\":\"timespan\"},"
                        + "{\"ColumnName\":\"dec\",\"ColumnType\":\"decimal\"}]",
                primary.get("Columns").toString());
        // The rows exactly as sent (raw text: a re-serialized tree would hide number and string forms).
        assertTrue(
                body.contains("\"Rows\":["
                        + "[null,\"2024-01-02T03:04:05.1234567Z\",7,null,-2147483648,null,\"-Infinity\",\"\","
                        + "\"00:00:00.0000001\",null],"
                        + "[true,\"2024-01-02T03:04:05.5Z\",{\"a\":[1,\"x\"],\"n\":null},"
                        + "\"74be27de-1e4e-49d9-b579-fe0b331d3642\",1,9223372036854775807,1.5,\"é \\\" \\\\ \\n\","
                        + "\"1.02:03:04.5000000\",\"1234567890.0123456789\"],"
                        + "[null,null,null,null,2,null,null,\"\",null,null],"
                        + "[false,\"2024-01-02T03:04:05Z\",[],null,3,-9223372036854775808,\"NaN\",\"\",\"-00:00:01\","
                        + "\"-0.5\"]]"),
                body);
    }

    @Test
    void framesAroundThePrimaryResultAreTheServicesOnes() throws Exception {
        JsonNode frames = JSON.readTree(post("/v2/rest/query", "AllTypes | count"));
        List<String> types = new ArrayList<>();
        frames.forEach(f -> types.add(f.get("FrameType").asText()));
        assertEquals(List.of("DataSetHeader", "DataTable", "DataTable", "DataTable", "DataSetCompletion"), types);
        assertEquals(
                "{\"FrameType\":\"DataSetHeader\",\"IsProgressive\":false,\"Version\":\"v2.0\",\"IsFragmented\":false,"
                        + "\"ErrorReportingPlacement\":\"EndOfDataSet\"}",
                frames.get(0).toString());

        JsonNode properties = frames.get(1);
        assertEquals(0, properties.get("TableId").asInt());
        assertEquals("QueryProperties", properties.get("TableKind").asText());
        assertEquals("@ExtendedProperties", properties.get("TableName").asText());
        assertEquals(
                "[{\"ColumnName\":\"TableId\",\"ColumnType\":\"int\"},{\"ColumnName\":\"Key\",\"ColumnType\":\"string\"},"
                        + "{\"ColumnName\":\"Value\",\"ColumnType\":\"dynamic\"}]",
                properties.get("Columns").toString());
        JsonNode visualization = properties.get("Rows").get(0).get(2);
        assertTrue(
                visualization.isTextual(), "the service sends this dynamic value as a JSON string: " + visualization);
        assertTrue(JSON.readTree(visualization.asText()).has("Visualization"));

        JsonNode primary = frames.get(2);
        assertEquals(1, primary.get("TableId").asInt());
        assertEquals(
                "[{\"ColumnName\":\"Count\",\"ColumnType\":\"long\"}]",
                primary.get("Columns").toString());
        assertEquals("[[4]]", primary.get("Rows").toString());

        JsonNode completion = frames.get(3);
        assertEquals(2, completion.get("TableId").asInt());
        assertEquals("QueryCompletionInformation", completion.get("TableKind").asText());
        List<String> columns = new ArrayList<>();
        completion
                .get("Columns")
                .forEach(c -> columns.add(
                        c.get("ColumnName").asText() + ":" + c.get("ColumnType").asText()));
        assertEquals(
                List.of(
                        "Timestamp:datetime",
                        "ClientRequestId:string",
                        "ActivityId:guid",
                        "SubActivityId:guid",
                        "ParentActivityId:guid",
                        "Level:int",
                        "LevelName:string",
                        "StatusCode:int",
                        "StatusCodeName:string",
                        "EventType:int",
                        "EventTypeName:string",
                        "Payload:string"),
                columns);
        assertEquals(
                "{\"FrameType\":\"DataSetCompletion\",\"HasErrors\":false,\"Cancelled\":false}",
                frames.get(4).toString());
    }
}
