package io.kustotyped.emulator.kql.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.azure.kusto.data.KustoOperationResult;
import com.microsoft.azure.kusto.data.KustoResultSetTable;
import com.microsoft.azure.kusto.data.WellKnownDataSet;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.kql.KqlService;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Microsoft's own result parser ({@code KustoOperationResult} of kusto-data 7.0.6) reads the emulator's v1 and v2
 * bodies: it finds the primary result, column names and types, and every value encoding.
 */
class SdkResultParsingTest {
    private static final RequestInfo INFO = new RequestInfo("KJC.execute;1", "a1", "emu");
    private static final UUID G = UUID.fromString("74be27de-1e4e-49d9-b579-fe0b331d3642");

    private final Catalog catalog = new Catalog();
    private final KqlService service = new KqlService(catalog);

    SdkResultParsingTest() throws Exception {
        catalog.createDatabase("Test", false);
        service.management(
                "Test",
                ".create table T (Id:long, Name:string, At:datetime, Took:timespan, G:guid,"
                        + " D:dynamic, R:real, Ok:bool, Amount:decimal, N:int)",
                INFO);
        Table t = catalog.database("Test").table("T");
        t.append(List.of(
                new Object[] {
                    1L,
                    "a",
                    Instant.parse("2024-01-01T10:00:00.1234567Z"),
                    Duration.ofMillis(1500),
                    G,
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree("{\"k\":1}"),
                    2.5,
                    true,
                    new BigDecimal("12.340"),
                    7
                },
                new Object[] {2L, "", null, null, null, null, Double.NaN, null, null, null}));
    }

    private static void checkRows(KustoResultSetTable r) throws Exception {
        assertTrue(r.next());
        assertEquals(1L, r.getLong("Id"));
        assertEquals("a", r.getString("Name"));
        assertEquals(LocalDateTime.parse("2024-01-01T10:00:00.1234567"), r.getKustoDateTime("At"));
        assertEquals("00:00:01.5000000", r.getString("Took"));
        assertEquals(G, r.getUUID("G"));
        assertEquals(1, r.getJSONObject("D").get("k").asInt());
        assertEquals(2.5, r.getDouble("R"));
        assertTrue(r.getBoolean("Ok"));
        assertEquals(new BigDecimal("12.340"), r.getBigDecimal("Amount"));
        assertEquals(7, r.getInt("N"));
        assertTrue(r.next());
        assertEquals("", r.getString("Name"));
        assertNull(r.getKustoDateTime("At"));
        assertNull(r.getBooleanObject("Ok"));
        assertNull(r.getIntegerObject("N"));
        assertFalse(r.next());
    }

    @Test
    void v2QueryResultParses() throws Exception {
        KustoOperationResult result =
                new KustoOperationResult(service.queryV2("Test", "T | order by Id asc", INFO), "v2");
        KustoResultSetTable primary = result.getPrimaryResults();
        assertNotNull(primary);
        assertEquals(WellKnownDataSet.PrimaryResult, primary.getTableKind());
        assertEquals(10, primary.getColumns().length);
        assertEquals("datetime", primary.getColumns()[2].getColumnType());
        checkRows(primary);
        assertEquals(3, result.getResultTables().size());
    }

    @Test
    void v1QueryResultParsesThroughTheTableOfContents() throws Exception {
        KustoOperationResult result =
                new KustoOperationResult(service.queryV1("Test", "T | sort by Id asc", INFO), "v1");
        KustoResultSetTable primary = result.getPrimaryResults();
        assertNotNull(primary);
        assertEquals("PrimaryResult", primary.getTableName());
        checkRows(primary);
    }

    @Test
    void v1ManagementResultParses() throws Exception {
        KustoOperationResult result =
                new KustoOperationResult(service.management("Test", ".show table T cslschema", INFO), "v1");
        KustoResultSetTable primary = result.getPrimaryResults();
        assertTrue(primary.next());
        assertEquals("T", primary.getString("TableName"));
        assertTrue(primary.getString("Schema").startsWith("Id:long,Name:string,At:datetime"));
        result = new KustoOperationResult(
                service.management("Test", ".show table T policy streamingingestion", INFO), "v1");
        primary = result.getPrimaryResults();
        assertTrue(primary.next());
        assertEquals("null", primary.getString("Policy"));
    }
}
