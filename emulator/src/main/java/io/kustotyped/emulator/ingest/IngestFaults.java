package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.fault.FaultKind;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.http.Responses;
import io.kustotyped.emulator.http.StatsCollector;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * The injected faults of ingest requests: which one a request draws, the delay of a slow one, and the answer of a
 * failing one (a 429 with {@code Retry-After}, a transient 500 or 503, or a closed connection).
 */
final class IngestFaults {
    private final Vertx vertx;
    private final FaultInjector faults;
    private final StatsCollector stats;

    IngestFaults(Vertx vertx, FaultInjector faults, StatsCollector stats) {
        this.vertx = vertx;
        this.faults = faults;
        this.stats = stats;
    }

    /** @return the fault of the next request that passed the checks, or null */
    FaultOptions.Rule next() {
        return faults.next();
    }

    /** @return whether the rule fails the request at this phase (slow ones only delay it) */
    static boolean fails(FaultOptions.Rule fault, FaultPhase phase) {
        return fault != null && fault.phase() == phase && fault.kind() != FaultKind.SLOW;
    }

    /** @return completes after the slow delay when the rule is a slow fault at this phase, at once otherwise */
    Future<Void> delayIf(FaultOptions.Rule fault, FaultPhase phase) {
        if (fault == null || fault.kind() != FaultKind.SLOW || fault.phase() != phase) {
            return Future.succeededFuture();
        }
        stats.faultInjected(fault, 0);
        return vertx.timer(Math.max(1, faults.options().slowDelay().toMillis()));
    }

    /** Answers a request with its injected failure. */
    void respond(HttpServerRequest req, RequestInfo info, FaultOptions.Rule fault, long committedRows) {
        stats.faultInjected(fault, committedRows);
        stats.ingestFailed();
        String when = fault.phase() == FaultPhase.BEFORE_COMMIT ? "before" : "after";
        switch (fault.kind()) {
            case THROTTLE -> {
                req.response()
                        .putHeader(
                                "Retry-After",
                                Long.toString(Math.max(
                                        0, faults.options().retryAfter().toSeconds())));
                Responses.error(req, info, KustoErrors.throttled());
            }
            case INTERNAL_ERROR ->
                Responses.error(
                        req,
                        info,
                        KustoErrors.transientServerError(500, "Injected fault: internal error " + when + " commit."));
            case SERVICE_UNAVAILABLE ->
                Responses.error(
                        req,
                        info,
                        KustoErrors.transientServerError(
                                503, "Injected fault: service unavailable " + when + " commit."));
            case CONNECTION_CLOSE -> req.connection().close();
            case SLOW -> throw new IllegalStateException("slow is not a failure");
        }
    }
}
