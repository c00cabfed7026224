package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.fault.FaultKind;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The standalone command line. */
class EmulatorMainTest {
    @TempDir
    Path dir;

    @Test
    void parsesEveryOption() {
        KustoEmulator.Builder b = EmulatorMain.parse(
                new String[] {
                    "--port",
                    "0",
                    "--token",
                    "t",
                    "--database",
                    "A",
                    "--database",
                    "B",
                    "--enable-streaming",
                    "--data-dir",
                    dir.toString(),
                    "--fault",
                    "429:before:0.2",
                    "--fault",
                    "close:after:0.1",
                    "--fault-seed",
                    "9",
                    "--retry-after",
                    "4",
                    "--slow-delay",
                    "10",
                    "--max-request-bytes",
                    "100",
                    "--max-data-bytes",
                    "50",
                    "--schema-propagation-delay",
                    "300"
                },
                System.out);
        assertEquals(0, b.port);
        assertEquals("t", b.token);
        assertEquals(List.of("A", "B"), b.databases);
        assertTrue(b.enableStreaming);
        assertEquals(dir, b.dataDir);
        assertEquals(9, b.faults.seed());
        assertEquals(FaultKind.CONNECTION_CLOSE, b.faults.rules().get(1).kind());
        assertEquals(4, b.faults.retryAfter().toSeconds());
        assertEquals(50, b.limits.maxDataBytes());
        assertEquals(java.time.Duration.ofSeconds(300), b.schemaPropagationDelay);
    }

    @Test
    void helpAndErrors() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertNull(EmulatorMain.parse(new String[] {"--help"}, new PrintStream(out, true, StandardCharsets.UTF_8)));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("policy streamingingestion enable"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--bogus"}, System.out))
                .getMessage()
                .contains("--bogus"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class, () -> EmulatorMain.parse(new String[] {"--port"}, System.out))
                .getMessage()
                .contains("needs a value"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> EmulatorMain.parse(new String[] {"--port", "x"}, System.out))
                .getMessage()
                .contains("needs a number"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> EmulatorMain.parse(new String[] {"--schema-propagation-delay", "-1"}, System.out))
                .getMessage()
                .contains("cannot be negative"));
    }

    @Test
    void theTokenIsNeverEmptyAndNeedNotBeOnTheCommandLine() throws Exception {
        for (String[] args : List.of(new String[] {"--token", ""}, new String[] {"--token", "  "})) {
            assertTrue(assertThrows(IllegalArgumentException.class, () -> EmulatorMain.parse(args, System.out))
                    .getMessage()
                    .contains("--token is empty"));
        }
        Path file = dir.resolve("token");
        java.nio.file.Files.writeString(file, "from-file\n");
        assertEquals("from-file", EmulatorMain.parse(new String[] {"--token-file", file.toString()}, System.out).token);
        java.nio.file.Files.writeString(file, "\n");
        assertThrows(
                IllegalArgumentException.class,
                () -> EmulatorMain.parse(new String[] {"--token-file", file.toString()}, System.out));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> EmulatorMain.parse(
                                new String[] {
                                    "--token-file", dir.resolve("none").toString()
                                },
                                System.out))
                .getMessage()
                .contains("cannot read"));
        assertThrows(
                IllegalArgumentException.class,
                () -> EmulatorMain.parse(new String[] {"--token", "a", "--token-file", file.toString()}, System.out));
        java.util.Map<String, String> env = java.util.Map.of(EmulatorMain.TOKEN_VARIABLE, "from-env");
        assertEquals("from-env", EmulatorMain.parse(new String[] {}, System.out, env).token);
        assertEquals("cli", EmulatorMain.parse(new String[] {"--token", "cli"}, System.out, env).token);
        assertThrows(
                IllegalArgumentException.class,
                () -> EmulatorMain.parse(
                        new String[] {}, System.out, java.util.Map.of(EmulatorMain.TOKEN_VARIABLE, "")));
        assertNull(EmulatorMain.parse(new String[] {}, System.out, java.util.Map.of()).token);
        assertThrows(
                IllegalArgumentException.class, () -> KustoEmulator.builder().token(""));
    }

    @Test
    void parsesQueuedIngestionOptions() {
        String cs = io.kustotyped.emulator.dm.StorageAccount.devStoreAccount(10000, 10001, 10002)
                .connectionString();
        KustoEmulator.Builder b = EmulatorMain.parse(
                new String[] {
                    "--queued-storage-connection-string",
                    cs,
                    "--batching-delay",
                    "7",
                    "--dm-fault",
                    "blob:0.5",
                    "--fault-seed",
                    "3"
                },
                System.out);
        assertEquals(cs, b.queuedIngestion.storage().connectionString());
        assertEquals(java.time.Duration.ofSeconds(7), b.queuedIngestion.batchingDelay());
        assertEquals(new io.kustotyped.emulator.fault.DmFaultOptions(3, 0, 0.5, 0), b.queuedIngestion.faults());
        assertTrue(EmulatorMain.parse(new String[] {"--queued-storage"}, System.out)
                .queuedIngestion
                .startsAzurite());
        assertNull(EmulatorMain.parse(new String[] {}, System.out).queuedIngestion);
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> EmulatorMain.parse(new String[] {"--dm-fault", "ingest:0.1"}, System.out))
                .getMessage()
                .contains("--dm-fault needs queued ingestion"));
        assertTrue(assertThrows(
                        IllegalArgumentException.class,
                        () -> EmulatorMain.parse(
                                new String[] {"--queued-storage-connection-string", "AccountName=a"}, System.out))
                .getMessage()
                .contains("AccountKey is missing"));
    }

    @Test
    void parsesConnectionOptions() {
        KustoEmulator.Builder b = EmulatorMain.parse(
                new String[] {
                    "--max-connections", "7", "--header-timeout", "3", "--request-timeout", "4", "--idle-timeout", "5"
                },
                System.out);
        assertEquals(
                new ConnectionLimits(
                        7,
                        java.time.Duration.ofSeconds(3),
                        java.time.Duration.ofSeconds(4),
                        java.time.Duration.ofSeconds(5)),
                b.connectionLimits);
        assertThrows(
                IllegalArgumentException.class,
                () -> EmulatorMain.parse(new String[] {"--max-connections", "0"}, System.out));
    }

    @Test
    void runsStandaloneAndKeepsDataAcrossRestarts() throws Exception {
        URI first = null;
        for (int run = 0; run < 2; run++) {
            Process p = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-cp",
                            System.getProperty("java.class.path"),
                            EmulatorMain.class.getName(),
                            "--port",
                            "0",
                            "--token",
                            "tok",
                            "--database",
                            "Test",
                            "--data-dir",
                            dir.toString())
                    .redirectErrorStream(true)
                    .start();
            try {
                BufferedReader r =
                        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
                String line;
                URI uri = null;
                while ((line = r.readLine()) != null) {
                    if (line.startsWith("Kusto emulator listening on ")) {
                        uri = URI.create(line.substring("Kusto emulator listening on ".length())
                                .split(" ")[0]);
                        break;
                    }
                }
                assertTrue(uri != null, "the emulator printed its address");
                TestClient c = new TestClient(uri, "tok");
                if (run == 0) {
                    first = uri;
                    c.mgmt("Test", ".create table T (a:long)");
                    c.mgmt("Test", ".alter database Test policy streamingingestion enable");
                    assertEquals(
                            200,
                            c.ingest("Test", "T", "streamFormat=csv", "1\n2").statusCode());
                } else {
                    assertEquals(2, c.count("Test", "T"), "rows survived the restart (first run: " + first + ")");
                }
            } finally {
                p.destroy(); // SIGTERM: the shutdown hook closes the emulator
                assertTrue(p.waitFor(30, TimeUnit.SECONDS));
            }
        }
    }
}
