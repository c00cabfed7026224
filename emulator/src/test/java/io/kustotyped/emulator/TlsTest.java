package io.kustotyped.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.net.PfxOptions;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The emulator over HTTPS: a generated or a given certificate, beside plain HTTP, sharing one store. */
class TlsTest {
    @TempDir
    Path dir;

    /** An SSL context that trusts exactly the certificates in {@code pem}. */
    static SSLContext trusting(Path pem) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(pem)) {
            int i = 0;
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                trust.setCertificateEntry("c" + i++, c);
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return ssl;
    }

    @Test
    void selfSignedHttpsBesidePlainHttpOnOneStore() throws Exception {
        Path pem;
        Path generatedDir;
        try (KustoEmulator emu = KustoEmulator.builder()
                .database("Db")
                .enableStreaming()
                .selfSignedTls()
                .start()) {
            URI https = emu.httpsUri();
            assertEquals("https", https.getScheme());
            assertTrue(emu.httpsPort() != emu.port());
            pem = emu.certificatePem();
            generatedDir = pem.getParent();
            assertTrue(Files.readString(pem).startsWith("-----BEGIN CERTIFICATE-----"));

            TestClient plain = new TestClient(emu.uri());
            TestClient secure = new TestClient(https, null, trusting(pem));
            plain.mgmt("Db", ".create table T (a:long)");
            assertEquals(
                    200, secure.ingest("Db", "T", "streamFormat=csv", "1\n2").statusCode());
            assertEquals(2, plain.count("Db", "T"));
            assertEquals(2, secure.count("Db", "T"));
            // localhost is in the certificate too (DNS name), not only the IP address.
            TestClient byName = new TestClient(URI.create("https://localhost:" + emu.httpsPort()), null, trusting(pem));
            assertEquals(2, byName.count("Db", "T"));

            // A client that trusts only the JDK's authorities refuses the self-signed certificate.
            TestClient untrusting = new TestClient(https, null, SSLContext.getDefault());
            UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> untrusting.count("Db", "T"));
            assertTrue(e.getCause() instanceof SSLHandshakeException, e.toString());
        }
        assertFalse(Files.exists(generatedDir), "the generated certificate is deleted at close");
    }

    @Test
    void servesTheUsersPemCertificateAndKey() throws Exception {
        TlsCertificate generated =
                TlsCertificate.generate(dir, "own", List.of("dns:localhost", "ip:127.0.0.1"), "-1d", 30);
        Path cert = generated.certificatePem();
        Path key = dir.resolve("own-key.pem");
        Files.writeString(key, pkcs8Pem((PfxOptions) generated.keyCertOptions()), StandardCharsets.US_ASCII);
        try (KustoEmulator emu = KustoEmulator.builder()
                .database("Db")
                .tls(TlsCertificate.fromPem(cert, key))
                .start()) {
            assertEquals(cert, emu.certificatePem());
            TestClient secure = new TestClient(emu.httpsUri(), null, trusting(cert));
            secure.mgmt("Db", ".create table T (a:long)");
            assertEquals(0, secure.count("Db", "T"));
        }
    }

    @Test
    void withoutTlsHttpsAccessorsSaySo() {
        try (KustoEmulator emu = KustoEmulator.builder().start()) {
            IllegalStateException e = assertThrows(IllegalStateException.class, emu::httpsUri);
            assertTrue(e.getMessage().contains("selfSignedTls"), e.getMessage());
        }
    }

    @Test
    void missingPemFilesAreNamed() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> TlsCertificate.fromPem(dir.resolve("nope.pem"), dir.resolve("key.pem")));
        assertTrue(e.getMessage().contains("nope.pem"), e.getMessage());
    }

    /** The private key of a generated PKCS#12 store as PEM (keytool itself cannot export a key). */
    private static String pkcs8Pem(PfxOptions p12) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        char[] password = p12.getPassword().toCharArray();
        try (InputStream in = Files.newInputStream(Path.of(p12.getPath()))) {
            ks.load(in, password);
        }
        Key key = ks.getKey("emulator", password);
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
