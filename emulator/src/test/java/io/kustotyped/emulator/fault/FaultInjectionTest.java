package io.kustotyped.emulator.fault;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.EmulatorInternals;
import io.kustotyped.emulator.EmulatorStats;
import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.TestClient;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.StreamingPolicy;
import io.kustotyped.emulator.store.Table;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Seeded fault injection: every kind and phase, reproducible, and counters that prove no row was lost. */
class FaultInjectionTest {
    static FaultOptions allKinds(long seed) {
        return FaultOptions.builder()
                .seed(seed)
                .fault(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 0.10)
                .fault(FaultKind.SERVICE_UNAVAILABLE, FaultPhase.AFTER_COMMIT, 0.08)
                .fault(FaultKind.INTERNAL_ERROR, FaultPhase.BEFORE_COMMIT, 0.06)
                .fault(FaultKind.CONNECTION_CLOSE, FaultPhase.AFTER_COMMIT, 0.06)
                .fault(FaultKind.CONNECTION_CLOSE, FaultPhase.BEFORE_COMMIT, 0.05)
                .fault(FaultKind.SLOW, FaultPhase.AFTER_COMMIT, 0.05)
                .retryAfter(Duration.ofSeconds(3))
                .slowDelay(Duration.ofMillis(20))
                .build();
    }

    static KustoEmulator start(FaultOptions faults) {
        KustoEmulator emu =
                KustoEmulator.builder().database("Db").faults(faults).start();
        Table t = EmulatorInternals.catalog(emu)
                .database("Db")
                .createTable("T", List.of(new ColumnDef("id", ScalarType.INT)), null, null);
        t.setStreamingPolicy(StreamingPolicy.ENABLED);
        return emu;
    }

    /** Sends one row; returns the status, or -1 when the connection closed without a response. */
    static int send(TestClient c, int id, List<HttpResponse<String>> failures) {
        try {
            HttpResponse<String> r = c.ingest("Db", "T", "streamFormat=csv", Integer.toString(id));
            if (r.statusCode() != 200) {
                failures.add(r);
            }
            return r.statusCode();
        } catch (UncheckedIOException e) {
            return -1;
        }
    }

    @Test
    void aRetryingClientLosesNothingAndTheCountersExplainEveryDuplicate() {
        int n = 150;
        try (KustoEmulator emu = start(allKinds(42))) {
            TestClient c = new TestClient(emu.uri());
            List<HttpResponse<String>> failures = new ArrayList<>();
            for (int id = 0; id < n; id++) {
                int attempts = 0;
                while (send(c, id, failures) != 200) {
                    assertTrue(++attempts < 20, "a fault fraction below 1 lets a retry through");
                }
            }
            EmulatorStats stats = emu.stats();
            Table t = EmulatorInternals.catalog(emu).database("Db").table("T");
            Map<Object, Integer> copies = new HashMap<>();
            t.rows().forEach(r -> copies.merge(r[0], 1, Integer::sum));
            assertEquals(n, copies.size(), "every row arrived");
            long duplicates = t.rowCount() - n;
            assertEquals(
                    stats.rowsCommittedInFailedRequests(),
                    duplicates,
                    "each duplicate is a row committed by a request the client saw fail");
            assertEquals(t.rowCount(), stats.rowsCommitted("Db", "T"));
            for (String kind : List.of(
                    "throttle/before_commit",
                    "service_unavailable/after_commit",
                    "internal_error/before_commit",
                    "connection_close/after_commit",
                    "connection_close/before_commit",
                    "slow/after_commit")) {
                assertTrue(stats.faultsInjected().getOrDefault(kind, 0L) > 0, kind + " was injected: " + stats);
            }
            for (HttpResponse<String> f : failures) {
                JsonNode error = TestClient.parse(f.body()).get("error");
                assertFalse(error.get("@permanent").asBoolean(), f.body());
                assertTrue(List.of(429, 500, 503).contains(f.statusCode()));
                if (f.statusCode() == 429) {
                    assertEquals("3", f.headers().firstValue("Retry-After").orElseThrow());
                    assertEquals("TooManyRequests", error.get("code").asText());
                }
            }
            // the same counters over HTTP
            JsonNode json =
                    TestClient.parse(c.send(c.request("/emulator/stats").GET()).body());
            assertEquals(t.rowCount(), json.get("rowsCommitted").get("Db.T").asLong());
            assertEquals(
                    stats.totalFaultsInjected(),
                    json.get("faultsInjected").properties().stream()
                            .mapToLong(e -> e.getValue().asLong())
                            .sum());
        }
    }

    @Test
    void theSameSeedInjectsTheSameFaults() {
        assertEquals(statuses(7), statuses(7));
        assertFalse(statuses(7).equals(statuses(8)));
    }

    private static List<Integer> statuses(long seed) {
        try (KustoEmulator emu = start(allKinds(seed))) {
            TestClient c = new TestClient(emu.uri());
            List<Integer> out = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                out.add(send(c, i, new ArrayList<>()));
            }
            return out;
        }
    }

    @Test
    void optionsAndFlagsAreValidated() {
        assertEquals(
                new FaultOptions.Rule(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 0.1),
                FaultOptions.Rule.parse("429:before:0.1"));
        assertEquals(
                new FaultOptions.Rule(FaultKind.CONNECTION_CLOSE, FaultPhase.AFTER_COMMIT, 1),
                FaultOptions.Rule.parse("close:after:1"));
        assertThrows(IllegalArgumentException.class, () -> FaultOptions.Rule.parse("418:before:0.1"));
        assertThrows(IllegalArgumentException.class, () -> FaultOptions.Rule.parse("429:during:0.1"));
        assertThrows(IllegalArgumentException.class, () -> FaultOptions.Rule.parse("429:before:1.5"));
        assertThrows(
                IllegalArgumentException.class,
                () -> FaultOptions.builder()
                        .fault(FaultKind.THROTTLE, FaultPhase.BEFORE_COMMIT, 0.7)
                        .fault(FaultKind.SLOW, FaultPhase.AFTER_COMMIT, 0.7)
                        .build());
    }
}
