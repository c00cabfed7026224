package io.kustotyped.runtime;

import static io.kustotyped.runtime.TestSupport.await;
import static io.kustotyped.runtime.TestSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** applySchema runs the generated commands in order; checkSchema reports drift precisely. */
class SchemaOpsTest {

    private Vertx vertx;
    private FakeKusto server;
    private Event.Ingestor ingestor;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        server = new FakeKusto(vertx);
        ingestor = new Event.Ingestor(
                KustoClient.create(vertx, new KustoClientOptions().setClusterUrl(server.url())),
                "db",
                new IngestOptions());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        await(vertx.close());
    }

    private static String csl(FakeKusto.Received r) {
        return new JsonObject(r.text()).getString("csl");
    }

    private static FakeKusto.Reply table(String columns, String rows) {
        return FakeKusto.Reply.json(
                200,
                "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":[" + columns + "],\"Rows\":[" + rows + "]}]}");
    }

    @Test
    void applySchemaRunsTheCommandsInOrderAndStopsAtTheFirstFailure() throws Exception {
        await(ingestor.applySchema());
        List<String> expected = new java.util.ArrayList<>(Event.SCHEMA.schemaCommands());
        expected.add(".clear table ['My Events'] cache streamingingestion schema");
        assertEquals(
                expected,
                server.received().stream().map(SchemaOpsTest::csl).toList(),
                "the commands, then the cache clear that lets streaming ingestion see them now");

        FakeKusto second = server;
        second.respond(r -> csl(r).contains("mapping")
                ? FakeKusto.Reply.oneApi(400, "BadRequest_InvalidMapping", true)
                : FakeKusto.Reply.ok());
        int before = second.received().size();
        KustoServiceException e = assertInstanceOf(KustoServiceException.class, awaitFailure(ingestor.applySchema()));
        assertEquals("BadRequest_InvalidMapping", e.code().orElseThrow());
        assertEquals(2, second.received().size() - before, "the policy command must not run after a failure");
    }

    private static FakeKusto.Reply nodes(String... statuses) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < statuses.length; i++) {
            rows.append(i == 0 ? "" : ",")
                    .append("[\"Node")
                    .append(i)
                    .append("\",\"")
                    .append(statuses[i])
                    .append("\"]");
        }
        return table(
                "{\"ColumnName\":\"NodeId\",\"ColumnType\":\"string\"},"
                        + "{\"ColumnName\":\"Status\",\"ColumnType\":\"string\"}",
                rows.toString());
    }

    @Test
    void aNodeThatFailsToClearItsCacheIsAskedAgainThenTheFailureIsReported() throws Exception {
        int[] clears = {0};
        server.respond(r -> {
            if (!csl(r).startsWith(".clear")) {
                return FakeKusto.Reply.ok();
            }
            return ++clears[0] == 1 ? nodes("Succeeded", "Failed") : nodes("Succeeded", "Succeeded");
        });
        await(ingestor.applySchema());
        assertEquals(2, clears[0], "run again after a node answered Failed");

        clears[0] = 0;
        server.respond(r -> {
            if (!csl(r).startsWith(".clear")) {
                return FakeKusto.Reply.ok();
            }
            clears[0]++;
            return nodes("Failed", "Succeeded");
        });
        Throwable e = awaitFailure(ingestor.applySchema());
        assertEquals(3, clears[0], "a bounded number of attempts");
        assertTrue(
                e.getMessage().contains("did not succeed on 1 of 2 nodes after 3 attempts")
                        && e.getMessage().contains(".clear table ['My Events'] cache streamingingestion schema"),
                e.getMessage());
    }

    @Test
    void aMissingDatabaseFailsTheCheckInsteadOfReportingAMissingTable() throws Exception {
        server.respond(r -> FakeKusto.Reply.oneApi(400, "BadRequest_DatabaseNotExist", true));
        KustoServiceException e = assertInstanceOf(KustoServiceException.class, awaitFailure(ingestor.checkSchema()));
        assertEquals("BadRequest_DatabaseNotExist", e.code().orElseThrow());
    }

    private Function<FakeKusto.Received, FakeKusto.Reply> live(
            String cslSchema, String mappingName, String mapping, String tablePolicy, String dbPolicy) {
        return r -> {
            String c = csl(r);
            if (c.endsWith("cslschema")) {
                return cslSchema == null
                        ? FakeKusto.Reply.oneApi(400, "BadRequest_EntityNotFound", true)
                        : table(
                                "{\"ColumnName\":\"TableName\",\"ColumnType\":\"string\"},{\"ColumnName\":\"Schema\","
                                        + "\"ColumnType\":\"string\"}",
                                "[\"My Events\"," + q(cslSchema) + "]");
            }
            if (c.contains("ingestion json mappings")) {
                String rows = mappingName == null ? "" : "[" + q(mappingName) + ",\"Json\"," + q(mapping) + "]";
                return table(
                        "{\"ColumnName\":\"Name\",\"ColumnType\":\"string\"},{\"ColumnName\":\"Kind\","
                                + "\"ColumnType\":\"string\"},{\"ColumnName\":\"Mapping\",\"ColumnType\":\"string\"}",
                        rows);
            }
            if (c.startsWith(".show table") && c.contains("policy streamingingestion")) {
                return policy(tablePolicy);
            }
            if (c.startsWith(".show database") && c.contains("policy streamingingestion")) {
                return policy(dbPolicy);
            }
            return FakeKusto.Reply.oneApi(400, "General_BadRequest", true);
        };
    }

    /** A JSON string literal. */
    private static String q(String s) {
        return io.vertx.core.json.Json.encode(s);
    }

    private static FakeKusto.Reply policy(String policy) {
        return table(
                "{\"ColumnName\":\"PolicyName\",\"ColumnType\":\"string\"},{\"ColumnName\":\"EntityName\","
                        + "\"ColumnType\":\"string\"},{\"ColumnName\":\"Policy\",\"ColumnType\":\"string\"}",
                "[\"StreamingIngestionPolicy\",\"x\"," + (policy == null ? "null" : q(policy)) + "]");
    }

    @Test
    void upToDateTableHasNoDrift() throws Exception {
        server.respond(live(
                "Id:long,Message:string",
                "My Events_mapping",
                "[{\"column\":\"Message\",\"path\":\"$.Message\",\"datatype\":\"string\"},"
                        + "{\"Column\":\"Id\",\"DataType\":\"int64\",\"Properties\":{\"Path\":\"$.Id\"}}]",
                null,
                "{\"IsEnabled\":true}"));
        SchemaReport report = await(ingestor.checkSchema());
        assertTrue(report.isUpToDate(), report.toString());
        assertEquals(List.of(), report.drifts());
    }

    @Test
    void driftIsReportedPrecisely() throws Exception {
        server.respond(
                live("Id:int,Extra:string", "other_mapping", "[]", "{\"IsEnabled\":false}", "{\"IsEnabled\":true}"));
        SchemaReport report = await(ingestor.checkSchema());
        List<SchemaReport.Kind> kinds =
                report.drifts().stream().map(SchemaReport.Drift::kind).toList();
        assertEquals(
                List.of(
                        SchemaReport.Kind.COLUMN_TYPE_DIFFERS,
                        SchemaReport.Kind.COLUMN_MISSING,
                        SchemaReport.Kind.EXTRA_COLUMN,
                        SchemaReport.Kind.MAPPING_MISSING,
                        SchemaReport.Kind.STREAMING_DISABLED),
                kinds,
                report.toString());
        assertTrue(report.drifts().get(0).detail().contains("'Id' is int in the table but long"));
        assertTrue(report.drifts().get(1).detail().contains("'Message'"));
        assertTrue(report.drifts().get(4).fix().contains("policy streamingingestion enable"));
    }

    @Test
    void aDifferentMappingIsNamed() throws Exception {
        server.respond(live(
                "Id:long,Message:string",
                "My Events_mapping",
                "[{\"column\":\"Id\",\"path\":\"$.id\",\"datatype\":\"long\"}]",
                "{\"IsEnabled\":true}",
                null));
        SchemaReport report = await(ingestor.checkSchema());
        assertEquals(1, report.drifts().size(), report.toString());
        SchemaReport.Drift d = report.drifts().get(0);
        assertEquals(SchemaReport.Kind.MAPPING_DIFFERS, d.kind());
        assertTrue(
                d.detail().contains("'Id' is mapped as path=$.id") && d.detail().contains("'Message' is not mapped"),
                d.detail());
    }

    @Test
    void aMissingTableIsReported() throws Exception {
        server.respond(live(null, null, null, null, null));
        SchemaReport report = await(ingestor.checkSchema());
        assertEquals(SchemaReport.Kind.TABLE_MISSING, report.drifts().get(0).kind());
        assertEquals(1, report.drifts().size());
    }
}
