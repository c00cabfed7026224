package io.kustotyped.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.dm.AzuriteExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code check} against an emulator whose Data Management side runs (on Azurite): it says the endpoint answers. */
class CheckIngestionEndpointTest {

    @RegisterExtension
    static AzuriteExtension azurite = AzuriteExtension.inMemory();

    @Test
    void checkSaysTheDataManagementEndpointAnswersWithoutPrintingTheSas() throws Exception {
        try (KustoEmulator emulator = KustoEmulator.builder()
                .database("Test")
                .queuedStorage(azurite.account())
                .start()) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            String cluster = emulator.uri().toString();
            int status = KustoTypedCli.run(
                    new String[] {"apply", "--cluster", cluster, "--database", "Test", script()},
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of());
            assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
            status = KustoTypedCli.run(
                    new String[] {"check", "--cluster", cluster, "--database", "Test", script()},
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8),
                    Map.of());
            String text = out.toString(StandardCharsets.UTF_8);
            assertEquals(0, status, text + err.toString(StandardCharsets.UTF_8));
            assertTrue(
                    text.contains("Queued ingestion: the Data Management endpoint " + cluster + " answers: {"), text);
            assertTrue(text.contains("SecuredReadyForAggregationQueue=1"), text);
            assertTrue(text.contains("TempStorage="), text);
            assertFalse(text.contains("sig="), "no SAS printed: " + text);
        }
    }

    private static String script() throws URISyntaxException {
        return Path.of(CheckIngestionEndpointTest.class
                        .getResource("/scripts/Logs.kql")
                        .toURI())
                .toString();
    }
}
