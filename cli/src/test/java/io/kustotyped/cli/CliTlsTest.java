package io.kustotyped.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The CLI against the emulator over HTTPS: {@code --trust-store} and {@code --proxy}. */
class CliTlsTest {

    static KustoEmulator emulator;
    private ByteArrayOutputStream err;

    @BeforeAll
    static void start() {
        emulator = KustoEmulator.builder().database("Test").selfSignedTls().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    private int cli(String... args) {
        err = new ByteArrayOutputStream();
        return KustoTypedCli.run(
                args,
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8),
                Map.of());
    }

    private static String logsScript() throws URISyntaxException {
        return Path.of(CliTlsTest.class.getResource("/scripts/Logs.kql").toURI())
                .toString();
    }

    @Test
    void appliesOverTlsWithTheTrustStoreAndRefusesWithout() throws Exception {
        String cluster = emulator.httpsUri().toString();
        assertEquals(1, cli("apply", "--cluster", cluster, "--database", "Test", logsScript()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("TLS certificate of 127.0.0.1 did not verify"), e);
        assertFalse(emulator.tableNames("Test").contains("Logs"));

        assertEquals(
                0,
                cli(
                        "apply",
                        "--cluster",
                        cluster,
                        "--trust-store",
                        emulator.certificatePem().toString(),
                        "--database",
                        "Test",
                        logsScript()),
                err.toString(StandardCharsets.UTF_8));
        assertTrue(emulator.tableNames("Test").contains("Logs"));
    }

    @Test
    void proxyOptionIsParsedAndAnUnreachableProxyNamed() throws Exception {
        CliOptions o = CliOptions.parse(
                "apply", List.of("--cluster", "https://c", "--proxy", "http://p:3128", "--trust-store", "ca.pem", "x"));
        assertEquals("http://p:3128", o.proxy());
        assertEquals(Path.of("ca.pem"), o.trustStore());
        // Port 9 (discard) on loopback: nothing listens there in the test environment.
        assertEquals(
                1,
                cli(
                        "apply",
                        "--cluster",
                        emulator.httpsUri().toString(),
                        "--trust-store",
                        emulator.certificatePem().toString(),
                        "--proxy",
                        "http://127.0.0.1:9",
                        "--database",
                        "Test",
                        logsScript()));
        String e = err.toString(StandardCharsets.UTF_8);
        assertTrue(e.contains("proxy 127.0.0.1:9"), e);
    }
}
