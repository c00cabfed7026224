package io.kustotyped.emulator.kql.sdk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Microsoft's Java client (kusto-data / kusto-ingest 7.0.6) against the emulator over HTTPS. The SDK has no trust
 * option of its own: its HTTP client trusts what the JVM's default trust manager trusts, i.e. the
 * {@code javax.net.ssl.trustStore} system properties, read once per JVM. So it runs in a child JVM
 * ({@link SdkOverTlsChild}, the test class path) whose trust store is a PKCS#12 made from the emulator's
 * generated certificate, leaving this JVM's trust untouched.
 */
class SdkOverTlsTest {
    private static final String PASSWORD = "changeit";

    @TempDir
    static Path dir;

    private static KustoEmulator emulator;

    @BeforeAll
    static void start() {
        emulator =
                KustoEmulator.builder().port(0).selfSignedTls().database("Test").start();
    }

    @AfterAll
    static void stop() throws Exception {
        if (emulator != null) {
            emulator.close();
        }
    }

    @Test
    void sdkTrustingTheEmulatorsCertificateManagesIngestsAndQueriesOverHttps() throws Exception {
        Path trustStore = pkcs12(emulator.certificatePem(), dir.resolve("emulator-trust.p12"));
        Child child = runChild(
                "-Djavax.net.ssl.trustStore=" + trustStore,
                "-Djavax.net.ssl.trustStoreType=PKCS12",
                "-Djavax.net.ssl.trustStorePassword=" + PASSWORD);
        assertEquals(0, child.exit(), child.output());
        assertTrue(child.output().contains("count=3"), child.output());
    }

    @Test
    void sdkWithTheJdksDefaultTrustRefusesTheSelfSignedCertificate() throws Exception {
        Child child = runChild();
        assertNotEquals(0, child.exit(), child.output());
        assertTrue(
                child.output().contains("PKIX path building failed")
                        || child.output().contains("unable to find valid certification path"),
                child.output());
    }

    /** A PKCS#12 trust store holding the one certificate of the PEM file, as a trusted-certificate entry. */
    private static Path pkcs12(Path pem, Path file) throws Exception {
        Certificate certificate;
        try (InputStream in = Files.newInputStream(pem)) {
            certificate = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("kusto-emulator", certificate);
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, PASSWORD.toCharArray());
        }
        return file;
    }

    private record Child(int exit, String output) {}

    private static Child runChild(String... jvmOptions) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx256m");
        command.addAll(List.of(jvmOptions));
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(SdkOverTlsChild.class.getName());
        command.add(emulator.httpsUri().toString());
        // Output to a file, not a pipe: a hung child cannot block the read, only the bounded wait.
        Path log = Files.createTempFile(dir, "sdk-child", ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        process.getOutputStream().close();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the SDK child JVM did not finish within 120 s:\n" + Files.readString(log));
        }
        return new Child(process.exitValue(), Files.readString(log));
    }
}
