package io.kustotyped.emulator.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.kustotyped.emulator.EmulatorInternals;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.TestClient;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value comes back after a restart exactly as it was ingested: decimals, big numbers, deep dynamics. */
class ExactValuesTest {
    @TempDir
    Path dir;

    private static final String RECORD = "{\"id\":1,\"dec\":1.10,\"real\":0.1,\"dyn\":{\"price\":1.10,\"huge\":1E+400,"
            + "\"tiny\":-2.50E-300,\"int\":123456789012345678901234567890,\"text\":\"é€😀\",\"deep\":%s}}";

    private static String deep(int depth) {
        return "[".repeat(depth) + "1.10" + "]".repeat(depth);
    }

    @Test
    void aQueryAnswersTheSameBeforeAndAfterARestart() {
        String body = String.format(RECORD, deep(60));
        String before;
        try (KustoEmulator emu = KustoEmulator.builder()
                .database("D")
                .enableStreaming()
                .dataDir(dir)
                .start()) {
            TestClient c = new TestClient(emu.uri());
            c.mgmt("D", ".create table T (id:long, dec:decimal, real:real, dyn:dynamic)");
            c.mgmt(
                    "D",
                    ".create table T ingestion json mapping \"m\" '[{\"column\":\"id\",\"path\":\"$.id\"},"
                            + "{\"column\":\"dec\",\"path\":\"$.dec\"},{\"column\":\"real\",\"path\":\"$.real\"},"
                            + "{\"column\":\"dyn\",\"path\":\"$.dyn\"}]'");
            assertEquals(
                    200,
                    c.ingest("D", "T", "streamFormat=json&mappingName=m", body).statusCode());
            before = c.post("/v2/rest/query", "D", "T").body();
            assertEquals(
                    new BigDecimal("1.10"),
                    EmulatorInternals.catalog(emu)
                            .database("D")
                            .table("T")
                            .rows()
                            .get(0)[1]);
        }
        try (KustoEmulator emu = KustoEmulator.builder().dataDir(dir).start()) {
            Object[] row = EmulatorInternals.catalog(emu)
                    .database("D")
                    .table("T")
                    .rows()
                    .get(0);
            assertEquals(new BigDecimal("1.10"), row[1], "a decimal keeps its scale");
            assertEquals(
                    "1.10",
                    ((com.fasterxml.jackson.databind.JsonNode) row[3])
                            .get("price")
                            .decimalValue()
                            .toString());
            assertEquals(
                    "1E+400",
                    ((com.fasterxml.jackson.databind.JsonNode) row[3])
                            .get("huge")
                            .decimalValue()
                            .toString());
            String after =
                    new TestClient(emu.uri()).post("/v2/rest/query", "D", "T").body();
            assertEquals(stripIds(before), stripIds(after), "the same answer after a restart");
        }
    }

    @Test
    void aDeepDynamicValueIsKept() {
        // deeper than any ingest reader accepts: the store's own limit sits above them
        Object deep = parse(deep(RowCodec.MAX_DEPTH - 10));
        try (Catalog c = Catalog.open(dir)) {
            c.createDatabase("D", true)
                    .createTable("T", List.of(new ColumnDef("x", ScalarType.DYNAMIC)), null, null)
                    .append(List.<Object[]>of(new Object[] {deep}));
        }
        try (Catalog c = Catalog.open(dir)) {
            assertEquals(deep, c.database("D").table("T").rows().get(0)[0]);
        }
    }

    private static Object parse(String json) {
        try {
            return RowCodec.JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The v2 frames carry per-request ids and a timestamp; everything else must match. */
    private static String stripIds(String v2) {
        return v2.replaceAll("\"[0-9a-fA-F-]{36}\"", "\"id\"")
                .replaceAll("KTE\\.[^\"]*", "")
                .replaceAll("\"\\d{4}-\\d\\d-\\d\\dT[^\"]*Z\"", "\"t\"");
    }
}
