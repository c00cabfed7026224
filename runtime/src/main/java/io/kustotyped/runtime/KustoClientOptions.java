package io.kustotyped.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link KustoClient}: where the cluster is, how to authenticate and what to say about the caller.
 * Setters are fluent; {@link KustoClient#create} takes a copy, so changing the object later has no effect on
 * clients already created.
 */
public class KustoClientOptions {

    /** Default request idle timeout: 10 minutes, the official SDK's streaming timeout (docs/kusto-rules.md §2.2). */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(10);
    /** Default connect timeout. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

    private String clusterUrl;
    private TokenProvider tokenProvider;
    private String application;
    private String user;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private int maxConnections = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());

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

    static Duration positive(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive, was " + d);
        }
        return d;
    }
}
