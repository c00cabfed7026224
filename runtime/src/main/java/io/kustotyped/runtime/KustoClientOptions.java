package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.Transport;
import io.vertx.core.net.JksOptions;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.core.net.ProxyOptions;
import io.vertx.core.net.ProxyType;
import io.vertx.core.net.TrustOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Options of a {@link KustoClient}: where the cluster is, how to authenticate and what to say about the caller.
 * Setters are fluent; {@link KustoClient#create} takes a copy, so changing the object later has no effect on
 * clients already created.
 *
 * <p>TLS: an {@code https://} cluster's certificate is always verified (chain, dates and host name, with SNI),
 * against the JDK's trust store unless {@link #setTrustStore} names another one (e.g. the CA of a TLS-inspecting
 * corporate proxy). There is no switch that turns verification off. Proxy: {@link #setProxy} or
 * {@link #useProxyFromEnvironment()} route requests through an HTTP {@code CONNECT} proxy.
 */
public class KustoClientOptions {

    /** Default request idle timeout: 10 minutes, the official SDK's streaming timeout (docs/kusto-rules.md §2.2). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);
    /** How long queued-ingestion resources and the identity token are cached: 1 h, as Microsoft's SDKs do. */
    public static final Duration DEFAULT_INGESTION_RESOURCES_REFRESH = Duration.ofHours(1);

    private String clusterUrl;
    private TokenProvider tokenProvider;
    private String application;
    private String user;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxConnections = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    private TrustOptions trustOptions;
    private ProxyOptions proxyOptions;
    private boolean proxyFromEnvironment;
    private String ingestionEndpoint;
    private Duration ingestionResourcesRefresh = DEFAULT_INGESTION_RESOURCES_REFRESH;

    /** The defaults: no cluster URL (it must be set), no token provider. */
    public KustoClientOptions() {}

    /** A copy of {@code other}. */
    public KustoClientOptions(KustoClientOptions other) {
        this.clusterUrl = other.clusterUrl;
        this.tokenProvider = other.tokenProvider;
        this.application = other.application;
        this.user = other.user;
        this.requestTimeout = other.requestTimeout;
        this.connectTimeout = other.connectTimeout;
        this.maxConnections = other.maxConnections;
        this.trustOptions = other.trustOptions == null ? null : other.trustOptions.copy();
        this.proxyOptions = other.proxyOptions == null ? null : new ProxyOptions(other.proxyOptions);
        this.proxyFromEnvironment = other.proxyFromEnvironment;
        this.ingestionEndpoint = other.ingestionEndpoint;
        this.ingestionResourcesRefresh = other.ingestionResourcesRefresh;
    }

    /**
     * The Data Management (queued ingestion) endpoint, or null (the default) to derive it from the cluster URL as
     * Microsoft's SDKs do: {@code https://ingest-mycluster...} for {@code https://mycluster...}, the cluster URL itself
     * for {@code localhost}, an IP address, or a URL that already starts with {@code ingest-}.
     */
    public String getIngestionEndpoint() {
        return ingestionEndpoint;
    }

    /** Sets the Data Management endpoint explicitly (null: derive it from the cluster URL). */
    public KustoClientOptions setIngestionEndpoint(String ingestionEndpoint) {
        this.ingestionEndpoint = ingestionEndpoint;
        return this;
    }

    /** How long the queued-ingestion resources (SAS URLs) and identity token are cached before they are fetched again. */
    public Duration getIngestionResourcesRefresh() {
        return ingestionResourcesRefresh;
    }

    /** Sets how long queued-ingestion resources are cached. */
    public KustoClientOptions setIngestionResourcesRefresh(Duration ingestionResourcesRefresh) {
        this.ingestionResourcesRefresh = positive(ingestionResourcesRefresh, "ingestionResourcesRefresh");
        return this;
    }

    /** The engine URL, e.g. {@code https://mycluster.westeurope.kusto.windows.net} (not the {@code ingest-} one). */
    public String getClusterUrl() {
        return clusterUrl;
    }

    /** Sets the engine URL. A trailing slash is ignored. */
    public KustoClientOptions setClusterUrl(String clusterUrl) {
        this.clusterUrl = Objects.requireNonNull(clusterUrl, "clusterUrl");
        return this;
    }

    /** The token provider, or {@code null}: then requests carry no {@code Authorization} header. */
    public TokenProvider getTokenProvider() {
        return tokenProvider;
    }

    /** Sets the token provider; {@code null} sends no {@code Authorization} header (a local emulator). */
    public KustoClientOptions setTokenProvider(TokenProvider tokenProvider) {
        this.tokenProvider = tokenProvider;
        return this;
    }

    /** The {@code x-ms-app} value, or {@code null} for the default (the main class, else {@code kusto-typed}). */
    public String getApplication() {
        return application;
    }

    /** Sets the {@code x-ms-app} header value. */
    public KustoClientOptions setApplication(String application) {
        this.application = application;
        return this;
    }

    /** The {@code x-ms-user} value, or {@code null} for the default (the {@code user.name} system property). */
    public String getUser() {
        return user;
    }

    /** Sets the {@code x-ms-user} header value. */
    public KustoClientOptions setUser(String user) {
        this.user = user;
        return this;
    }

    /** How long a request may wait for the server without any byte moving before it fails (and may be retried). */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    /** Sets the request idle timeout. */
    public KustoClientOptions setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = positive(requestTimeout, "requestTimeout");
        return this;
    }

    /** The TCP/TLS connect timeout. */
    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    /** Sets the connect timeout. */
    public KustoClientOptions setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = positive(connectTimeout, "connectTimeout");
        return this;
    }

    /** The most HTTP/1.1 connections kept to the cluster. */
    public int getMaxConnections() {
        return maxConnections;
    }

    /** Sets the most connections to the cluster (Kusto accepts 6 concurrent streaming requests per core). */
    public KustoClientOptions setMaxConnections(int maxConnections) {
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
        }
        this.maxConnections = maxConnections;
        return this;
    }

    /** The certificates trusted for the cluster's TLS, or {@code null} for the JDK's trust store (the default). */
    public TrustOptions getTrustOptions() {
        return trustOptions == null ? null : trustOptions.copy();
    }

    /**
     * Trusts exactly these certificates (Vert.x {@link PemTrustOptions}, {@link JksOptions} or {@link PfxOptions})
     * instead of the JDK's trust store. Host names and dates are still checked.
     *
     * @param trustOptions the trusted certificates, or {@code null} for the JDK's trust store
     * @return this
     */
    public KustoClientOptions setTrustOptions(TrustOptions trustOptions) {
        this.trustOptions = trustOptions == null ? null : trustOptions.copy();
        return this;
    }

    /**
     * Trusts the certificates in a file instead of the JDK's trust store: PEM (one or more
     * {@code -----BEGIN CERTIFICATE-----} blocks), PKCS#12 ({@code .p12}, {@code .pfx}) or JKS.
     *
     * @param file the trust store
     * @param password the store's password (PKCS#12 and JKS), or {@code null} for PEM
     * @return this
     * @throws IllegalArgumentException when the file cannot be read, naming it
     */
    public KustoClientOptions setTrustStore(Path file, String password) {
        Objects.requireNonNull(file, "file");
        byte[] head = new byte[10];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the trust store " + file + ": " + e, e);
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (new String(Arrays.copyOf(head, n), StandardCharsets.US_ASCII).startsWith("-----BEGIN")) {
            this.trustOptions = new PemTrustOptions().addCertPath(file.toString());
        } else if (name.endsWith(".p12") || name.endsWith(".pfx")) {
            this.trustOptions = new PfxOptions().setPath(file.toString()).setPassword(password);
        } else {
            this.trustOptions = new JksOptions().setPath(file.toString()).setPassword(password);
        }
        return this;
    }

    /** The HTTP {@code CONNECT} proxy, or {@code null} for none (the default). */
    public ProxyOptions getProxyOptions() {
        return proxyOptions == null ? null : new ProxyOptions(proxyOptions);
    }

    /**
     * Sends every request through this HTTP {@code CONNECT} proxy (with its user and password, if set). It takes
     * precedence over {@link #useProxyFromEnvironment()}.
     *
     * @param proxyOptions the proxy (type HTTP), or {@code null} for none
     * @return this
     */
    public KustoClientOptions setProxyOptions(ProxyOptions proxyOptions) {
        if (proxyOptions != null && proxyOptions.getType() != ProxyType.HTTP) {
            throw new IllegalArgumentException(
                    "only HTTP CONNECT proxies are supported, not " + proxyOptions.getType());
        }
        this.proxyOptions = proxyOptions == null ? null : new ProxyOptions(proxyOptions);
        return this;
    }

    /**
     * Sends every request through the HTTP {@code CONNECT} proxy at {@code url}, written as curl takes it:
     * {@code http://[user[:password]@]host[:port]} (port 1080 when none is given; user and password
     * percent-encoded).
     *
     * @param url the proxy URL
     * @return this
     * @throws IllegalArgumentException when it is not such a URL
     */
    public KustoClientOptions setProxy(String url) {
        return setProxyOptions(Transport.parseProxyUrl(Objects.requireNonNull(url, "url")));
    }

    /** Whether the proxy is read from the environment when none is set. */
    public boolean isProxyFromEnvironment() {
        return proxyFromEnvironment;
    }

    /**
     * When no proxy is set, uses the one in {@code HTTPS_PROXY} (or {@code https_proxy}) unless {@code NO_PROXY} (or
     * {@code no_proxy}) lists the cluster host, one of its parent domains or {@code *}, as curl does. Read when the
     * client is created. Off by default: the environment is not consulted unless asked.
     *
     * @return this
     */
    public KustoClientOptions useProxyFromEnvironment() {
        this.proxyFromEnvironment = true;
        return this;
    }

    /** The options, with the proxy password replaced by {@code ****} and no token. */
    @Override
    public String toString() {
        return "KustoClientOptions{clusterUrl=" + clusterUrl
                + ", tokenProvider="
                + (tokenProvider == null ? "none" : tokenProvider.getClass().getSimpleName())
                + ", trust="
                + (trustOptions == null
                        ? "JDK trust store"
                        : trustOptions.getClass().getSimpleName())
                + ", proxy="
                + (proxyOptions != null
                        ? Transport.describe(proxyOptions)
                        : proxyFromEnvironment ? "from HTTPS_PROXY/NO_PROXY" : "none")
                + ", requestTimeout=" + requestTimeout
                + ", connectTimeout=" + connectTimeout
                + ", maxConnections=" + maxConnections
                + "}";
    }

    static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
