package io.kustotyped.it.tls;

import static io.kustotyped.it.tls.TlsSupport.await;
import static io.kustotyped.it.tls.TlsSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.emulator.KustoEmulatorExtension;
import io.kustotyped.emulator.TlsCertificate;
import io.kustotyped.it.tls.TlsSupport.CountingTokens;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.KustoTlsException;
import io.vertx.core.Vertx;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The runtime over TLS against the emulator: ingest, management and query with a self-signed certificate trusted
 * through the options; refused, permanently and before any token is fetched, when the certificate is untrusted, for
 * another host name, or expired.
 */
class TlsClientTest {

    @RegisterExtension
    static KustoEmulatorExtension kusto = KustoEmulatorExtension.create(
            b -> b.database("Test").enableStreaming().token(TlsSupport.TOKEN).selfSignedTls());

    static Vertx vertx;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        await(vertx.close());
    }

    private static KustoClient client(String url, Path trust, CountingTokens tokens) {
        KustoClientOptions o = new KustoClientOptions().setClusterUrl(url).setTokenProvider(tokens);
        if (trust != null) {
            o.setTrustStore(trust, null);
        }
        return KustoClient.create(vertx, o);
    }

    @Test
    void ingestManagementAndQueryOverTls() throws Exception {
        CountingTokens tokens = new CountingTokens();
        KustoClient client = client(kusto.httpsUri().toString(), kusto.certificatePem(), tokens);
        try {
            SecureEventIngestor ingestor = SecureEventIngestor.create(client);
            await(ingestor.applySchema()); // management
            IngestResult r = await(ingestor.ingest(TlsSupport.rows(250)));
            assertEquals(250, r.rowsIngested());
            assertEquals(250, kusto.emulator().stats().rowsCommitted("Test", "Secure"));
            KustoResultTable t = await(client.executeQuery("Test", "Secure | count"));
            assertEquals(250L, t.getLong(0, "Count"));
            assertEquals(1, tokens.fetched.get(), "one token, cached");
        } finally {
            await(client.close());
        }
    }

    @Test
    void untrustedCertificateIsRefusedBeforeAnyToken() throws Exception {
        CountingTokens tokens = new CountingTokens();
        long requestsBefore = kusto.emulator().stats().requests();
        // No trust store given: the JDK's authorities, which did not sign the emulator's certificate.
        KustoClient client = client(kusto.httpsUri().toString(), null, tokens);
        try {
            KustoTlsException e =
                    assertInstanceOf(KustoTlsException.class, awaitFailure(client.executeMgmt("Test", ".show tables")));
            assertEquals("127.0.0.1", e.host());
            assertFalse(e.isTransient());
            assertTrue(
                    e.getMessage().contains("127.0.0.1") && e.getMessage().contains("not signed by a trusted"),
                    e.getMessage());
            assertEquals(0, tokens.fetched.get(), "no token fetched for an unverified host");
            assertEquals(requestsBefore, kusto.emulator().stats().requests(), "no request reached the server");

            IngestResult r = ingestFailure(client);
            assertEquals(0, r.rowsIngested());
            assertEquals(0, r.retries(), "a certificate failure is not retried");
            assertInstanceOf(KustoTlsException.class, r.failures().get(0).cause());
            assertEquals(0, tokens.fetched.get());
        } finally {
            await(client.close());
        }
    }

    @Test
    void certificateForAnotherHostIsRefused(@TempDir Path dir) throws Exception {
        TlsCertificate other =
                TlsCertificate.generate(dir, "other", List.of("dns:kusto.example.com", "ip:10.9.8.7"), "-1d", 30);
        assertRefused(other, "another host name");
    }

    @Test
    void expiredCertificateIsRefused(@TempDir Path dir) throws Exception {
        // Signed by a trusted authority: the JDK does not check the dates of a trust anchor itself.
        TlsCertificate ca = TlsCertificate.authority(dir, "ca");
        TlsCertificate expired =
                TlsCertificate.signed(ca, dir, "expired", List.of("dns:localhost", "ip:127.0.0.1"), "-3d", 1);
        assertRefused(expired, "expired");
    }

    @Test
    void certificateSignedByATrustedAuthorityIsAccepted(@TempDir Path dir) throws Exception {
        TlsCertificate ca = TlsCertificate.authority(dir, "ca");
        TlsCertificate valid =
                TlsCertificate.signed(ca, dir, "valid", List.of("dns:localhost", "ip:127.0.0.1"), "-1d", 5);
        try (KustoEmulator emu =
                KustoEmulator.builder().database("Test").tls(valid).start()) {
            KustoClient client = client(emu.httpsUri().toString(), ca.certificatePem(), new CountingTokens());
            try {
                assertEquals(
                        0,
                        await(client.executeMgmt("Test", ".show tables")).rows().size());
            } finally {
                await(client.close());
            }
        }
    }

    /** An emulator serving {@code certificate}, which the client trusts: still refused, for {@code reason}. */
    private static void assertRefused(TlsCertificate certificate, String reason) throws Exception {
        try (KustoEmulator emu = KustoEmulator.builder()
                .database("Test")
                .enableStreaming()
                .token(TlsSupport.TOKEN)
                .tls(certificate)
                .start()) {
            CountingTokens tokens = new CountingTokens();
            KustoClient client = client(emu.httpsUri().toString(), certificate.certificatePem(), tokens);
            try {
                KustoTlsException e = assertInstanceOf(
                        KustoTlsException.class, awaitFailure(client.executeMgmt("Test", ".show tables")));
                assertTrue(e.getMessage().contains(reason) && e.getMessage().contains("127.0.0.1"), e.getMessage());
                assertFalse(e.isTransient());
                assertEquals(0, tokens.fetched.get(), "no token fetched for an unverified host");
                assertEquals(0, emu.stats().requests(), "no request reached the server");
            } finally {
                await(client.close());
            }
        }
    }

    private static IngestResult ingestFailure(KustoClient client) throws Exception {
        Throwable t = awaitFailure(SecureEventIngestor.create(client).ingest(TlsSupport.rows(10)));
        return assertInstanceOf(IngestException.class, t).result();
    }
}
