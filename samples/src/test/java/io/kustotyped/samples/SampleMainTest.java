package io.kustotyped.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.fault.FaultKind;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sample's main job, run in process as the quick start runs it, with few rows. */
class SampleMainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return SampleMain.run(
                args,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                env,
                false);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theDefaultJobStartsItsOwnEmulatorIngestsChecksAndExitsZero() {
        assertEquals(0, run(Map.of(), "--rows", "500"), out() + err());
        assertTrue(out().contains("Started the Kusto emulator in process"), out());
        assertTrue(out().matches("(?s).*Shipments\\s+250\\s.*"), out());
        assertTrue(out().matches("(?s).*Logs\\s+250\\s.*"), out());
        assertTrue(out().matches("(?s).*total\\s+500\\s.*"), out());
        assertTrue(out().contains("counted this run's rows: Shipments 250, Logs 250."), out());
        assertTrue(
                out().contains("Read back 16 rows (per table the first, second, middle, last and 4 at random) and"
                        + " compared every column: all equal"),
                out());
        assertTrue(out().contains("rows/s counts the in-process emulator too"), out());
        assertTrue(out().contains("then the streaming schema cache clear"), out());
        assertTrue(out().contains("OK: every row landed"), out());
        assertTrue(err().contains("250 / 250 rows (100%)"), "progress is shown on stderr: " + err());
    }

    @Test
    void againstAClusterUrlTheRowsAreInThatClusterWithTheirValues() {
        try (KustoEmulator emulator =
                KustoEmulator.builder().database("Test").token("secret").start()) {
            int status = run(
                    Map.of("KUSTO_ACCESS_TOKEN", "secret"),
                    "--rows",
                    "500",
                    "--cluster",
                    emulator.uri().toString(),
                    "--database",
                    "Test");
            assertEquals(0, status, out() + err());
            assertEquals(250, emulator.stats().rowsCommitted("Test", "Shipments"));
            assertEquals(250, emulator.stats().rowsCommitted("Test", "Logs"));
            assertEquals(0, emulator.stats().ingestFailed());
            assertTrue(!out().contains("secret") && !err().contains("secret"), "the token is never printed");
        }
    }

    @Test
    void ingestsOverTlsWithTheTrustStore() {
        try (KustoEmulator emulator = KustoEmulator.builder()
                .database("Test")
                .token("secret")
                .selfSignedTls()
                .start()) {
            int status = run(
                    Map.of("KUSTO_ACCESS_TOKEN", "secret"),
                    "--rows",
                    "200",
                    "--cluster",
                    emulator.httpsUri().toString(),
                    "--trust-store",
                    emulator.certificatePem().toString());
            assertEquals(0, status, out() + err());
            assertEquals(100, emulator.stats().rowsCommitted("Test", "Shipments"));
            assertEquals(100, emulator.stats().rowsCommitted("Test", "Logs"));
        }
    }

    @Test
    void throttledRequestsAreRetriedCountedAndEveryRowStillLands() {
        FaultOptions faults = FaultOptions.builder()
                .seed(1)
                .fault(FaultKind.parse("429"), FaultPhase.parse("before"), 0.5)
                .retryAfter(Duration.ofMillis(10))
                .build();
        try (KustoEmulator emulator =
                KustoEmulator.builder().database("Test").faults(faults).start()) {
            int status =
                    run(Map.of(), "--rows", "3000", "--cluster", emulator.uri().toString());
            assertEquals(0, status, out() + err());
            assertEquals(1500, emulator.stats().rowsCommitted("Test", "Shipments"));
            assertEquals(1500, emulator.stats().rowsCommitted("Test", "Logs"));
            assertTrue(emulator.stats().totalFaultsInjected() > 0);
            String total = out().lines()
                    .filter(l -> l.trim().startsWith("total"))
                    .findFirst()
                    .orElseThrow();
            long retries = Long.parseLong(total.trim().split("\\s+")[6].replace(",", ""));
            assertEquals(emulator.stats().totalFaultsInjected(), retries, total);
        }
    }

    @Test
    void rowsThatDoNotLandMakeTheExitStatusOne() {
        FaultOptions faults = FaultOptions.builder()
                .fault(FaultKind.parse("500"), FaultPhase.parse("before"), 1.0)
                .build();
        try (KustoEmulator emulator =
                KustoEmulator.builder().database("Test").faults(faults).start()) {
            int status =
                    run(Map.of(), "--rows", "50", "--cluster", emulator.uri().toString());
            assertEquals(1, status, out() + err());
            assertTrue(err().contains("rows of Shipments did not land"), err());
            assertTrue(out().contains("FAILED"), out());
        }
    }

    @Test
    void aRemoteClusterWithoutAnyTokenSourceSaysWhatToDo() {
        int status = run(Map.of("PATH", "/nonexistent"), "--cluster", "https://example.kusto.windows.net");
        assertEquals(1, status);
        assertTrue(err().contains("KUSTO_ACCESS_TOKEN"), err());
        assertTrue(err().contains("az login"), err());
    }

    @Test
    void aBadCommandLineIsStatusTwoWithTheUsage() {
        assertEquals(2, run(Map.of(), "--rows", "many"));
        assertTrue(err().contains("--rows needs a whole number, got 'many'"), err());
        assertTrue(err().contains("Usage:"), err());
    }

    @Test
    void managedModeStreamsWhenStreamingWorksAndSaysSo() {
        assertEquals(0, run(Map.of(), "--rows", "200", "--mode", "managed"), out() + err());
        assertTrue(out().contains("Mode managed: 0 rows queued in 0 blobs (0 managed fallbacks)"), out());
        assertTrue(out().contains("OK: every row landed"), out());
    }

    @Test
    void anUnknownModeIsStatusTwo() {
        assertEquals(2, run(Map.of(), "--mode", "bulk"));
        assertTrue(err().contains("--mode is streaming, queued or managed, got 'bulk'"), err());
    }
}
