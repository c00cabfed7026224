package io.kustotyped.it.tls;

import static io.kustotyped.it.tls.TlsSupport.await;
import static io.kustotyped.it.tls.TlsSupport.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulatorExtension;
import io.kustotyped.it.tls.TlsSupport.CountingTokens;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoProxyException;
import io.kustotyped.runtime.KustoResultTable;
import io.kustotyped.runtime.KustoTlsException;
import io.kustotyped.runtime.KustoTransportException;
import io.vertx.core.Vertx;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The runtime through an HTTP CONNECT proxy (a small one written for the test, on loopback) to the emulator over
 * TLS: rows land and the proxy saw the tunnel to the cluster; proxy authentication; a proxy that refuses (407) or
 * cannot be reached fails clearly, classified as permanent or transient.
 */
class ProxyTest {

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

    private static KustoClientOptions options(String proxyUrl, CountingTokens tokens) {
        return new KustoClientOptions()
                .setClusterUrl(kusto.httpsUri().toString())
                .setTrustStore(kusto.certificatePem(), null)
                .setTokenProvider(tokens)
                .setProxy(proxyUrl);
    }

    private String target() {
        return "127.0.0.1:" + kusto.emulator().httpsPort();
    }

    @Test
    void rowsLandThroughTheProxy() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy(null, null)) {
            KustoClient client =
                    KustoClient.create(vertx, options("http://127.0.0.1:" + proxy.port(), new CountingTokens()));
            try {
                SecureEventIngestor ingestor = SecureEventIngestor.create(client);
                await(ingestor.applySchema());
                long before = kusto.emulator().stats().rowsCommitted("Test", "Secure");
                IngestResult r = await(ingestor.ingest(TlsSupport.rows(120)));
                assertEquals(120, r.rowsIngested());
                assertEquals(before + 120, kusto.emulator().stats().rowsCommitted("Test", "Secure"));
                KustoResultTable t = await(client.executeQuery("Test", "Secure | count"));
                assertEquals(before + 120, t.getLong(0, "Count"));
            } finally {
                await(client.close());
            }
            assertFalse(proxy.connects().isEmpty());
            for (ConnectProxy.Connect c : proxy.connects()) {
                assertEquals(target(), c.target(), "every connection tunnels to the cluster");
            }
        }
    }

    @Test
    void proxyAuthenticationRequiredAndGiven() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy("alice", "s3cr:et")) {
            KustoClientOptions o = options("http://alice:s3cr%3Aet@127.0.0.1:" + proxy.port(), new CountingTokens());
            assertFalse(o.toString().contains("s3cr"), o.toString());
            assertTrue(o.toString().contains("alice:****@127.0.0.1"), o.toString());
            KustoClient client = KustoClient.create(vertx, o);
            try {
                KustoResultTable t = await(client.executeMgmt("Test", ".show tables"));
                assertTrue(t.columns().size() > 0);
            } finally {
                await(client.close());
            }
            String basic =
                    "Basic " + Base64.getEncoder().encodeToString("alice:s3cr:et".getBytes(StandardCharsets.UTF_8));
            assertTrue(
                    proxy.connects().stream().anyMatch(c -> basic.equals(c.proxyAuthorization())),
                    proxy.connects().toString());
        }
    }

    @Test
    void proxyAuthenticationMissingIsPermanent407() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy("alice", "secret")) {
            CountingTokens tokens = new CountingTokens();
            KustoClient client = KustoClient.create(vertx, options("http://127.0.0.1:" + proxy.port(), tokens));
            try {
                KustoProxyException e = assertInstanceOf(
                        KustoProxyException.class, awaitFailure(client.executeMgmt("Test", ".show tables")));
                assertEquals(407, e.proxyStatus());
                assertFalse(e.isTransient());
                assertTrue(
                        e.getMessage().contains("407") && e.getMessage().contains("127.0.0.1:" + proxy.port()),
                        e.getMessage());
                assertEquals(0, tokens.fetched.get(), "no token before the cluster's certificate verified");

                int connectsBefore = proxy.connects().size();
                IngestResult r = ingestFailure(client);
                assertEquals(0, r.retries(), "a 407 is not retried");
                assertInstanceOf(KustoProxyException.class, r.failures().get(0).cause());
                assertEquals(connectsBefore + 1, proxy.connects().size(), "one CONNECT, no retry");
            } finally {
                await(client.close());
            }
        }
    }

    @Test
    void unreachableProxyIsTransient() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        CountingTokens tokens = new CountingTokens();
        KustoClient client = KustoClient.create(vertx, options("http://127.0.0.1:" + closedPort, tokens));
        try {
            KustoTransportException e = assertInstanceOf(
                    KustoTransportException.class, awaitFailure(client.executeQuery("Test", "print 1")));
            assertTrue(e.isTransient());
            assertFalse(e.requestSent());
            assertTrue(e.getMessage().contains("proxy 127.0.0.1:" + closedPort), e.getMessage());
            assertEquals(0, tokens.fetched.get());
        } finally {
            await(client.close());
        }
    }

    @Test
    void untrustedCertificateThroughTheProxyIsTriedOnce() throws Exception {
        try (ConnectProxy proxy = new ConnectProxy(null, null)) {
            CountingTokens tokens = new CountingTokens();
            KustoClient client = KustoClient.create(
                    vertx,
                    new KustoClientOptions()
                            .setClusterUrl(kusto.httpsUri().toString())
                            .setTokenProvider(tokens)
                            .setProxy("127.0.0.1:" + proxy.port()));
            try {
                IngestResult r = ingestFailure(client);
                assertInstanceOf(KustoTlsException.class, r.failures().get(0).cause());
                assertEquals(0, r.retries());
                assertEquals(1, proxy.connects().size(), "one handshake, not retried: " + proxy.connects());
                assertEquals(0, tokens.fetched.get());
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
