package io.kustotyped.emulator.kql;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.store.Catalog;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers: a service over an in-memory catalog with database {@code Test}, and JSON accessors. */
abstract class KqlTestSupport {
    static final ObjectMapper JSON = new ObjectMapper();
    static final RequestInfo INFO = new RequestInfo("Test;crid-1", "11111111-2222-3333-4444-555555555555", "emu");

    final Catalog catalog = new Catalog();
    final KqlService service = new KqlService(catalog);

    KqlTestSupport() {
        catalog.createDatabase("Test", false);
    }

    /** Runs a command in database Test and returns its only table, checking the v1 envelope. */
    JsonNode mgmt(String csl) {
        try {
            JsonNode root = JSON.readTree(service.management("Test", csl, INFO));
            assertEquals(1, root.get("Tables").size(), () -> "one table for " + csl);
            JsonNode t = root.get("Tables").get(0);
            assertEquals("Table_0", t.get("TableName").asText());
            return t;
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Runs a v2 query in database Test and returns the PrimaryResult frame. */
    JsonNode query(String csl) {
        try {
            JsonNode frames = JSON.readTree(service.queryV2("Test", csl, INFO));
            for (JsonNode f : frames) {
                if ("PrimaryResult".equals(f.path("TableKind").asText())) {
                    return f;
                }
            }
            throw new AssertionError("no PrimaryResult in " + frames);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    static List<String> columnNames(JsonNode table) {
        List<String> names = new ArrayList<>();
        table.get("Columns").forEach(c -> names.add(c.get("ColumnName").asText()));
        return names;
    }

    static List<String> columnTypes(JsonNode table) {
        List<String> types = new ArrayList<>();
        table.get("Columns").forEach(c -> types.add(c.get("ColumnType").asText()));
        return types;
    }

    /** The rows as compact JSON strings, e.g. {@code [1,"a"]}. */
    static List<String> rows(JsonNode table) {
        List<String> rows = new ArrayList<>();
        table.get("Rows").forEach(r -> rows.add(r.toString()));
        return rows;
    }

    static KustoError fails(String code, org.junit.jupiter.api.function.Executable call) {
        KustoError e = assertThrows(KustoError.class, call);
        assertEquals(code, e.code(), e::toString);
        assertTrue(e.httpStatus() >= 400, e::toString);
        return e;
    }
}
