package io.kustotyped.it.ingest;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class IngestTestSupport {

    private IngestTestSupport() {}

    /** Vert.x's own {@link Future#await(long, TimeUnit)} (the test thread is not a Vert.x thread), bounded. */
    static <T> T await(Future<T> f) throws TimeoutException {
        return f.await(120, TimeUnit.SECONDS);
    }

    /** The failure of {@code f}, once it completes. */
    static Throwable awaitFailure(Future<?> f) throws TimeoutException {
        try {
            f.await(120, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw e;
        } catch (Throwable failure) { // Future.await rethrows the failure as it is, checked or not
            return failure;
        }
        throw new AssertionError("expected a failure, got " + f.result());
    }
}
