package io.kustotyped.azure;

import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.AzureAuthorityHosts;
import com.azure.identity.DefaultAzureCredentialBuilder;
import io.kustotyped.runtime.AccessToken;
import io.kustotyped.runtime.TokenProvider;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import reactor.core.scheduler.Schedulers;

/**
 * A {@link TokenProvider} over an azure-identity {@link TokenCredential}: {@code DefaultAzureCredential}, managed
 * identity (system or user assigned), workload identity, a client secret or certificate, the Azure CLI, or any other.
 *
 * <pre>{@code
 * TokenProvider tokens = AzureIdentityTokenProvider.create(
 *         new ManagedIdentityCredentialBuilder().build(), "https://mycluster.westeurope.kusto.windows.net");
 * }</pre>
 *
 * <p>The scope is the cluster's resource id followed by {@code /.default}: the cluster URI without port or path
 * (docs/kusto-rules.md §7; https://learn.microsoft.com/kusto/api/rest/authenticate-with-msal). A cluster in a
 * national cloud has that cloud's host name, so the scope follows it; only the credential's authority host must
 * match the cloud ({@link #authorityHostFor(String)}).
 *
 * <p>azure-identity answers with a Reactor {@code Mono}. It is subscribed on Reactor's bounded-elastic scheduler, so a
 * credential that blocks while it subscribes (the Azure CLI runs a process) never blocks a Vert.x event loop, and the
 * returned future completes on the caller's Vert.x context when there is one. {@link io.kustotyped.runtime.KustoClient}
 * caches the token until shortly before it expires, as it does for any provider: this class fetches, it does not cache.
 *
 * <p>The token is never logged and never put in an exception message or {@link #toString()}.
 */
public final class AzureIdentityTokenProvider implements TokenProvider {

    /** How long one token request may take by default before it fails. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

    private final TokenCredential credential;
    private final String scope;
    private final Duration timeout;

    private AzureIdentityTokenProvider(TokenCredential credential, String scope, Duration timeout) {
        this.credential = Objects.requireNonNull(credential, "credential");
        this.scope = Objects.requireNonNull(scope, "scope");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, was " + timeout);
        }
    }

    /**
     * Tokens from {@code credential} for the cluster at {@code clusterUrl}, scope {@link #scopeFor(String)}.
     *
     * @param credential any azure-identity credential
     * @param clusterUrl the cluster's engine URL, e.g. {@code https://mycluster.westeurope.kusto.windows.net}
     * @return the provider
     * @throws IllegalArgumentException if the URL is not an http(s) URL with a host
     */
    public static AzureIdentityTokenProvider create(TokenCredential credential, String clusterUrl) {
        return new AzureIdentityTokenProvider(credential, scopeFor(clusterUrl), DEFAULT_TIMEOUT);
    }

    /**
     * Tokens from {@code credential} for an explicit scope, e.g. {@code https://kusto.kusto.windows.net/.default},
     * the resource id a cluster's {@code /v1/rest/auth/metadata} names.
     *
     * @param credential any azure-identity credential
     * @param scope the scope, ending in {@code /.default}
     * @return the provider
     */
    public static AzureIdentityTokenProvider withScope(TokenCredential credential, String scope) {
        Objects.requireNonNull(scope, "scope");
        if (scope.isBlank()) {
            throw new IllegalArgumentException("scope must not be blank");
        }
        return new AzureIdentityTokenProvider(credential, scope, DEFAULT_TIMEOUT);
    }

    /**
     * {@code DefaultAzureCredential} for the cluster: environment (service principal), workload identity, managed
     * identity, then developer tools (Azure CLI, ...), with the authority host of the cluster's cloud.
     *
     * @param clusterUrl the cluster's engine URL
     * @return the provider
     */
    public static AzureIdentityTokenProvider defaultCredential(String clusterUrl) {
        DefaultAzureCredentialBuilder b = new DefaultAzureCredentialBuilder();
        authorityHostFor(clusterUrl).ifPresent(b::authorityHost);
        return create(b.build(), clusterUrl);
    }

    /** The same provider with another time limit per token request. */
    public AzureIdentityTokenProvider withTimeout(Duration timeout) {
        return new AzureIdentityTokenProvider(credential, scope, timeout);
    }

    /** The scope requested. */
    public String scope() {
        return scope;
    }

    /** The credential. */
    public TokenCredential credential() {
        return credential;
    }

    /**
     * The scope for a cluster: its resource id (scheme and host, no port, no path) and {@code /.default}. For
     * {@code https://mycluster.westeurope.kusto.windows.net:443/MyDb} it is
     * {@code https://mycluster.westeurope.kusto.windows.net/.default}.
     *
     * @param clusterUrl the cluster URL
     * @return the scope
     * @throws IllegalArgumentException if the URL is not an http(s) URL with a host
     */
    public static String scopeFor(String clusterUrl) {
        URI uri = parse(clusterUrl);
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT) + "/.default";
    }

    /**
     * The Microsoft Entra authority host of the cloud a cluster lives in, when it is not the public cloud: Azure
     * Government ({@code *.kusto.usgovcloudapi.net}) or Azure China ({@code *.kusto.chinacloudapi.cn}). Credentials
     * that sign in through Entra (service principal, workload identity, Azure CLI) need it; managed identity does
     * not.
     *
     * @param clusterUrl the cluster URL
     * @return the authority host, or empty for the public cloud (azure-identity's default)
     */
    public static Optional<String> authorityHostFor(String clusterUrl) {
        String host = parse(clusterUrl).getHost().toLowerCase(Locale.ROOT);
        if (host.endsWith(".usgovcloudapi.net")) {
            return Optional.of(AzureAuthorityHosts.AZURE_GOVERNMENT);
        }
        if (host.endsWith(".chinacloudapi.cn")) {
            return Optional.of(AzureAuthorityHosts.AZURE_CHINA);
        }
        return Optional.empty();
    }

    private static URI parse(String clusterUrl) {
        Objects.requireNonNull(clusterUrl, "clusterUrl");
        URI uri;
        try {
            uri = URI.create(clusterUrl.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Not a cluster URL: '" + clusterUrl + "'", e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
            throw new IllegalArgumentException("The cluster URL must be an http(s) URL with a host, e.g. "
                    + "https://mycluster.westeurope.kusto.windows.net; was '" + clusterUrl + "'");
        }
        return uri;
    }

    @Override
    public Future<AccessToken> getToken() {
        Context caller = Vertx.currentContext();
        Promise<AccessToken> promise = Promise.promise();
        TokenRequestContext request = new TokenRequestContext().addScopes(scope);
        try {
            credential
                    .getToken(request)
                    // A credential may block while it subscribes (the Azure CLI runs a process): never on our thread.
                    .subscribeOn(Schedulers.boundedElastic())
                    .timeout(timeout)
                    .subscribe(
                            t -> settle(caller, promise, toAccessToken(t), null),
                            e -> settle(caller, promise, null, failure(e)),
                            () -> settle(
                                    caller,
                                    promise,
                                    null,
                                    new TokenAcquisitionException(describe() + " returned no token", null)));
        } catch (RuntimeException e) {
            settle(caller, promise, null, failure(e));
        }
        return promise.future();
    }

    private static AccessToken toAccessToken(com.azure.core.credential.AccessToken t) {
        if (t == null || t.getToken() == null) {
            return null;
        }
        return new AccessToken(
                t.getToken(),
                t.getExpiresAt() == null
                        ? java.time.Instant.MAX
                        : t.getExpiresAt().toInstant());
    }

    private TokenAcquisitionException failure(Throwable e) {
        if (e instanceof TimeoutException) {
            return new TokenAcquisitionException(describe() + " gave no token within " + timeout, e);
        }
        return new TokenAcquisitionException(describe() + " could not get a token: " + messages(e), e);
    }

    /** The distinct messages of the cause chain (azure-identity's outer one often says "see inner exception"). */
    private static String messages(Throwable e) {
        java.util.List<String> seen = new java.util.ArrayList<>();
        for (Throwable t = e; t != null && seen.size() < 4; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null
                    ? t.getClass().getSimpleName()
                    : t.getMessage().strip();
            if (seen.stream().noneMatch(s -> s.contains(m))) {
                seen.add(m);
            }
        }
        return String.join(": ", seen);
    }

    private void settle(Context caller, Promise<AccessToken> promise, AccessToken token, Throwable error) {
        Throwable err = token == null && error == null
                ? new TokenAcquisitionException(describe() + " returned an empty token", null)
                : error;
        Runnable complete = () -> {
            if (err == null) {
                promise.tryComplete(token);
            } else {
                promise.tryFail(err);
            }
        };
        if (caller != null) {
            caller.runOnContext(v -> complete.run());
        } else {
            complete.run();
        }
    }

    private String describe() {
        return credential.getClass().getSimpleName() + " (scope " + scope + ")";
    }

    @Override
    public String toString() {
        return "AzureIdentityTokenProvider[" + describe() + "]";
    }
}
