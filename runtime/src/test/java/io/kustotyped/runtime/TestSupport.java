package io.kustotyped.runtime;

import io.vertx.core.Future;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

final class TestSupport {

    private TestSupport() {}

    /** Vert.x's own {@link Future#await(long, TimeUnit)} (the test thread is not a Vert.x thread), bounded. */
    static <T> T await(Future<T> f) throws TimeoutException {
        return f.await(60, TimeUnit.SECONDS);
    }

    /** The failure of {@code f}, once it completes. */
    static Throwable awaitFailure(Future<?> f) throws TimeoutException {
        try {
            f.await(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw e;
        } catch (Throwable failure) { // Future.await rethrows the failure as it is, checked or not
            return failure;
        }
        throw new AssertionError("expected the future to fail, it succeeded with " + f.result());
    }

    static List<Event> events(int n, int messageLength) {
        List<Event> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new Event(i, message(i, messageLength)));
        }
        return out;
    }

    static String message(int i, int length) {
        StringBuilder sb = new StringBuilder(length);
        long x = i * 2654435761L + 17;
        while (sb.length() < length) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sb.append((char) ('a' + (int) ((x >>> 33) % 26)));
        }
        return sb.toString();
    }

    /** The Ids in the JSON lines a fake server received, in order. */
    static List<Long> ids(List<FakeKusto.Received> requests) {
        List<Long> out = new ArrayList<>();
        for (FakeKusto.Received r : requests) {
            for (String line : r.lines()) {
                int start = line.indexOf("\"Id\":") + 5;
                int end = line.indexOf(',', start);
                out.add(Long.parseLong(line.substring(start, end)));
            }
        }
        return out;
    }
}
