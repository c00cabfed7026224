package io.kustotyped.samples.readme;

import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.TokenProvider;
import io.vertx.core.Vertx;
import java.nio.file.Path;

/** The README's TLS and proxy example. */
public final class TlsProxyExample {

    private TlsProxyExample() {}

    /**
     * A client behind a TLS-inspecting corporate proxy.
     *
     * @param vertx the Vert.x instance
     * @param clusterUrl the cluster URL
     * @param tokens the token provider
     * @return the client
     */
    public static KustoClient behindCorporateProxy(Vertx vertx, String clusterUrl, TokenProvider tokens) {
        return KustoClient.create(
                vertx,
                new KustoClientOptions()
                        .setClusterUrl(clusterUrl)
                        .setTokenProvider(tokens)
                        // the proxy's CA re-signs every certificate: trust it (PEM; .p12/.jks take a password)
                        .setTrustStore(Path.of("/etc/pki/corp-root-ca.pem"), null)
                        // HTTP CONNECT; or .useProxyFromEnvironment() for HTTPS_PROXY / NO_PROXY
                        .setProxy("http://proxy.corp.example:8080"));
    }
}
