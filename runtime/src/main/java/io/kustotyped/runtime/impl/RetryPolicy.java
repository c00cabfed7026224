package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.KustoTransportException;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to send a failed request again: only transient failures ({@link ErrorRules}), after an exponential backoff
 * with full jitter and never sooner than {@code Retry-After}, within {@link IngestOptions#getMaxAttempts()} and
 * {@link IngestOptions#getRetryBudget()}. When it gives up on a transient failure, the error says how many attempts
 * were made and over how long. Internal.
 */
final class RetryPolicy {

    private final IngestOptions options;

    RetryPolicy(IngestOptions options) {
        this.options = options;
    }

    /**
     * The delay before the next attempt, or -1 to give up.
     *
     * @param failure why the attempt failed
     * @param attempt the number of the attempt that failed, from 0
     * @param deadlineNanos the {@link System#nanoTime()} past which no attempt may start
     */
    long delayMillis(Throwable failure, int attempt, long deadlineNanos) {
        if (ErrorRules.kindOf(failure) != ErrorRules.Kind.TRANSIENT || attempt + 1 >= options.getMaxAttempts()) {
            return -1;
        }
        Duration retryAfter =
                failure instanceof KustoServiceException k ? k.retryAfter().orElse(null) : null;
        long delay = backoffMillis(attempt, retryAfter);
        return System.nanoTime() + delay * 1_000_000L < deadlineNanos ? Math.max(1, delay) : -1;
    }

    /** Exponential backoff with full jitter, at least what {@code Retry-After} asked for. */
    private long backoffMillis(int attempt, Duration retryAfter) {
        long cap = options.getInitialBackoff().toMillis() << Math.min(attempt, 20);
        cap = Math.min(Math.max(cap, 0), options.getMaxBackoff().toMillis());
        long delay = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap + 1);
        if (retryAfter != null) {
            delay = Math.max(delay, retryAfter.toMillis());
        }
        return delay;
    }

    /**
     * The failure to report once the policy gave up on a transient one: the same error, saying how many attempts
     * were made over how long and which limit stopped them. Other failures are returned as they are.
     */
    Throwable gaveUp(Throwable failure, int attempts, Duration elapsed) {
        if (ErrorRules.kindOf(failure) != ErrorRules.Kind.TRANSIENT) {
            return failure;
        }
        String summary = "Gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " over "
                + seconds(elapsed) + " ("
                + (attempts >= options.getMaxAttempts()
                        ? "IngestOptions maxAttempts=" + options.getMaxAttempts()
                        : "IngestOptions retryBudget=" + seconds(options.getRetryBudget()))
                + ")";
        if (failure instanceof KustoTransportException t) {
            KustoTransportException described = new KustoTransportException(
                    summary + ": " + t.getMessage(), t.getCause(), t.clientRequestId(), t.requestSent());
            described.setStackTrace(t.getStackTrace());
            return described;
        }
        if (failure instanceof KustoServiceException k) {
            return ServiceErrors.withHint(k, k.hint().map(h -> h + ". ").orElse("") + summary);
        }
        return failure;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toNanos() / 1e9);
    }
}
