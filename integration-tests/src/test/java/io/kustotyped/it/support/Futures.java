package io.kustotyped.it.support;

import io.vertx.core.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting for a Vert.x {@link Future} from a test thread (which is not a Vert.x thread), bounded. */
public final class Futures {

    private Futures() {}

    /** Vert.x's own {@link Future#await(long, TimeUnit)}, bounded at two minutes. */
    public static <T> T await(Future<T> f) throws TimeoutException {
        return f.await(120, TimeUnit.SECONDS);
    }

    /** The failure of {@code f}, once it completes; an {@link AssertionError} if it succeeds. */
    public static Throwable awaitFailure(Future<?> f) throws TimeoutException {
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
