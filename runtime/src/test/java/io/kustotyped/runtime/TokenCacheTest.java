package io.kustotyped.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TokenCacheTest {

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void concurrentCallersShareOneFetchAndTheTokenIsRefreshedFiveMinutesBeforeExpiry() {
        MutableClock clock = new MutableClock();
        AtomicInteger fetches = new AtomicInteger();
        Promise<AccessToken> pending = Promise.promise();
        TokenCache cache = new TokenCache(
                () -> {
                    fetches.incrementAndGet();
                    return fetches.get() == 1
                            ? pending.future()
                            : Future.succeededFuture(new AccessToken("t" + fetches.get(), clock.now.plusSeconds(3600)));
                },
                clock);
        Future<AccessToken> a = cache.get();
        Future<AccessToken> b = cache.get();
        assertEquals(1, fetches.get(), "one fetch in flight is shared");
        pending.complete(new AccessToken("t1", clock.now.plusSeconds(3600)));
        assertEquals("t1", a.result().token());
        assertEquals("t1", b.result().token());

        clock.now = clock.now.plus(Duration.ofMinutes(54));
        assertEquals("t1", cache.get().result().token());
        clock.now = clock.now.plus(Duration.ofMinutes(2)); // 4 minutes before expiry
        assertEquals("t2", cache.get().result().token());
        assertEquals(2, fetches.get());
    }

    @Test
    void aFailedFetchIsNotCached() {
        AtomicInteger fetches = new AtomicInteger();
        TokenCache cache = new TokenCache(
                () -> fetches.incrementAndGet() == 1
                        ? Future.failedFuture(new IllegalStateException("no credentials"))
                        : Future.succeededFuture(new AccessToken("ok", Instant.MAX)),
                Clock.systemUTC());
        assertTrue(cache.get().failed());
        assertEquals("ok", cache.get().result().token());
    }

    @Test
    void toStringNeverShowsTheToken() {
        assertFalse(new AccessToken("super-secret", Instant.MAX).toString().contains("super-secret"));
    }
}
