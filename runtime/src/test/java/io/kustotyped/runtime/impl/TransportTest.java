package io.kustotyped.runtime.impl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.runtime.KustoClientOptions;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.ProxyOptions;
import java.net.ConnectException;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Proxy URLs and environment, TLS settings, and what a connection failure means. */
class TransportTest {

    @Test
    void proxyUrlsAsCurlWritesThem() {
        ProxyOptions p = Transport.parseProxyUrl("http://us%40er:p%3Ass@proxy.corp:8080");
        assertEquals("proxy.corp", p.getHost());
        assertEquals(8080, p.getPort());
        assertEquals("us@er", p.getUsername());
        assertEquals("p:ss", p.getPassword());
        ProxyOptions bare = Transport.parseProxyUrl("proxy.corp");
        assertEquals(Transport.DEFAULT_PROXY_PORT, bare.getPort());
        assertNull(bare.getUsername());
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> Transport.parseProxyUrl("socks5://u:topsecret@h:1"));
        assertTrue(e.getMessage().contains("socks5"), e.getMessage());
        assertFalse(e.getMessage().contains("topsecret"), e.getMessage());
    }

    @Test
    void environmentProxyUnlessNoProxyListsTheHost() {
        Map<String, String> env =
                Map.of("HTTPS_PROXY", "http://proxy:3128", "NO_PROXY", "localhost, .internal.corp,10.0.0.1:443");
        assertEquals(
                "proxy",
                Transport.fromEnvironment(env, "c.westeurope.kusto.windows.net").getHost());
        assertNull(Transport.fromEnvironment(env, "kusto.internal.corp"));
        assertNull(Transport.fromEnvironment(env, "internal.corp"));
        assertNull(Transport.fromEnvironment(env, "LOCALHOST"));
        assertNull(Transport.fromEnvironment(env, "10.0.0.1"));
        assertEquals("proxy", Transport.fromEnvironment(env, "notinternal.corp").getHost());
        assertNull(Transport.fromEnvironment(Map.of("https_proxy", "proxy:1", "no_proxy", "*"), "any.host"));
        assertEquals(
                1,
                Transport.fromEnvironment(Map.of("https_proxy", "proxy:1"), "any.host")
                        .getPort());
        assertNull(Transport.fromEnvironment(Map.of("HTTP_PROXY", "proxy:1"), "any.host"), "only HTTPS_PROXY");
    }

    @Test
    void verificationIsOnAndTrustAndProxyApplied() {
        HttpClientOptions o = new HttpClientOptions().setTrustAll(true).setVerifyHost(false);
        Transport.configure(o, new PemTrustOptions().addCertPath("ca.pem"), Transport.parseProxyUrl("p:9"));
        assertTrue(o.isVerifyHost());
        assertTrue(o.isForceSni());
        assertFalse(o.isTrustAll());
        assertEquals(PemTrustOptions.class, o.getTrustOptions().getClass());
        assertEquals(9, o.getProxyOptions().getPort());
    }

    @Test
    void failuresClassified() {
        Transport.Failure cert = Transport.classify(
                new SSLHandshakeException("Failed to create SSL connection")
                        .initCause(new SSLHandshakeException("PKIX path building failed: x")),
                null);
        assertEquals(Transport.FailureKind.CERTIFICATE, cert.kind());
        assertTrue(cert.detail().contains("not signed by a trusted authority"), cert.detail());
        ProxyOptions proxy = Transport.parseProxyUrl("http://u:pw@127.0.0.1:3128");
        Transport.Failure refused = Transport.classify(new ConnectException("Connection refused"), proxy);
        assertEquals(Transport.FailureKind.PROXY_UNREACHABLE, refused.kind());
        assertTrue(
                refused.detail().contains("127.0.0.1:3128") && !refused.detail().contains("pw"));
        assertEquals(
                Transport.FailureKind.IO,
                Transport.classify(new ConnectException("refused"), null).kind());
    }

    @Test
    void optionsToStringRedactsTheProxyPassword() {
        KustoClientOptions o = new KustoClientOptions()
                .setClusterUrl("https://c.kusto.windows.net")
                .setProxy("http://bob:hunter2@proxy:8080");
        assertTrue(o.toString().contains("http://bob:****@proxy:8080"), o.toString());
        assertFalse(o.toString().contains("hunter2"));
        assertFalse(new KustoClientOptions(o).toString().contains("hunter2"));
        assertEquals("hunter2", new KustoClientOptions(o).getProxyOptions().getPassword());
    }
}
