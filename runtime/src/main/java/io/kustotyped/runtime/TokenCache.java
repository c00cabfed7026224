package io.kustotyped.runtime;

import io.vertx.core.Future;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Caches the provider's token until shortly before it expires (5 minutes, or half its remaining life when that is
 * shorter), and shares one fetch among concurrent callers. Internal.
 */
final class TokenCache {

    static final Duration REFRESH_MARGIN = Duration.ofMinutes(5);

    private final TokenProvider provider;
    private final Clock clock;
    private AccessToken cached;
    private Instant refreshAt;
    private Future<AccessToken> pending;

    /** @param provider the provider; @param clock the clock (tests) */
    public TokenCache(TokenProvider provider, Clock clock) {
        this.provider = provider;
        this.clock = clock;
    }

    /** A valid token: the cached one, or a fresh one. */
    public synchronized Future<AccessToken> get() {
        Instant now = clock.instant();
        if (cached != null && now.isBefore(refreshAt)) {
            return Future.succeededFuture(cached);
        }
        if (pending != null) {
            return pending;
        }
        Future<AccessToken> f;
        try {
            f = provider.getToken();
            if (f == null) {
                f = Future.failedFuture(new IllegalStateException("TokenProvider.getToken() returned null"));
            }
        } catch (RuntimeException e) {
            f = Future.failedFuture(e);
        }
        pending = f;
        return f.andThen(ar -> store(ar.succeeded() ? ar.result() : null));
    }

    private synchronized void store(AccessToken token) {
        pending = null;
        if (token == null) {
            return;
        }
        Instant now = clock.instant();
        cached = token;
        if (token.expiresAt().equals(Instant.MAX)) {
            refreshAt = Instant.MAX;
            return;
        }
        Duration life = Duration.between(now, token.expiresAt());
        Duration margin = life.dividedBy(2).compareTo(REFRESH_MARGIN) < 0 ? life.dividedBy(2) : REFRESH_MARGIN;
        refreshAt = token.expiresAt().minus(margin.isNegative() ? Duration.ZERO : margin);
    }
}
