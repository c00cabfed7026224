package io.kustotyped.it.tls;

import io.kustotyped.runtime.AccessToken;
import io.kustotyped.runtime.TokenProvider;
import io.vertx.core.Future;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.LongStream;

final class TlsSupport {

    static final String TOKEN = "tls-test-token";

    private TlsSupport() {}

    /** A token provider that counts how often it is asked. */
    static final class CountingTokens implements TokenProvider {
        final AtomicInteger fetched = new AtomicInteger();

        @Override
        public Future<AccessToken> getToken() {
            fetched.incrementAndGet();
            return Future.succeededFuture(new AccessToken(TOKEN, Instant.MAX));
        }
    }

    static List<SecureEvent> rows(int n) {
        return LongStream.range(0, n)
                .mapToObj(i -> new SecureEvent(i, "row " + i))
                .toList();
    }

    static <T> T await(Future<T> f) throws Exception {
        try {
            return f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Exception ex) {
                throw ex;
            }
            throw e;
        }
    }

    static Throwable awaitFailure(Future<?> f) throws Exception {
        try {
            f.toCompletionStage().toCompletableFuture().get(120, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected a failure, got " + f.result());
    }
}
