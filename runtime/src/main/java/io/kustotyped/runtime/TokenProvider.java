package io.kustotyped.runtime;

import io.vertx.core.Future;
import java.time.Instant;
import java.util.Objects;

/**
 * Supplies bearer tokens for Kusto requests, asynchronously. The client caches the token it gets until shortly
 * before {@link AccessToken#expiresAt()}, so implementations may be slow (an MSAL or azure-identity call, say).
 *
 * <p>Wrap azure-identity like this:
 * <pre>{@code
 * TokenProvider p = () -> Future.fromCompletionStage(credential
 *         .getToken(new TokenRequestContext().addScopes("https://kusto.kusto.windows.net/.default")).toFuture())
 *     .map(t -> new AccessToken(t.getToken(), t.getExpiresAt().toInstant()));
 * }</pre>
 */
@FunctionalInterface
public interface TokenProvider {

    /** Fetches a token. Called again only when the cached one is about to expire. */
    Future<AccessToken> getToken();

    /**
     * A provider that always returns the same token, never expiring (tests, the emulator with {@code --token},
     * short-lived tools).
     *
     * @param token the bearer token
     * @return the provider
     */
    static TokenProvider fixed(String token) {
        AccessToken fixed = new AccessToken(Objects.requireNonNull(token, "token"), Instant.MAX);
        return () -> Future.succeededFuture(fixed);
    }
}
