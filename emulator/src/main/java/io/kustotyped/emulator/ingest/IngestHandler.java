package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import io.kustotyped.emulator.http.BoundedBody;
import io.kustotyped.emulator.http.RequestInfo;
import io.kustotyped.emulator.http.Responses;
import io.kustotyped.emulator.http.StatsCollector;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Table;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/rest/ingest/{database}/{table}?streamFormat=..&mappingName=..} (docs/streaming-ingest.md).
 * The steps live in their own classes: {@link IngestTarget} (header checks), {@link BoundedBody} (size),
 * {@link IngestPayload} (decode and read the body), {@link IngestFaults} (injected faults); this class runs them in
 * order and commits.
 *
 * <p>Checks in the order of docs/kusto-rules.md §9.2 (auth is the server's): request syntax, database, table, streaming
 * policy (table overrides database), mapping, size; then reads the format (§8), applies the mapping (§3) and
 * commits all rows atomically. The body is read only after the header checks pass, answering
 * {@code Expect: 100-continue} then, so a refused request never has to upload its body.
 */
public final class IngestHandler {
    private static final Logger LOG = Logger.getLogger(IngestHandler.class.getName());
    private static final String PREFIX = "/v1/rest/ingest/";

    private final Vertx vertx;
    private final Catalog catalog;
    private final long maxRequestBytes;
    private final long maxDataBytes;
    private final IngestFaults faults;
    private final StatsCollector stats;
    private final SchemaPropagation propagation;

    /**
     * Creates the handler.
     *
     * @param vertx the Vert.x instance (worker threads and timers)
     * @param catalog the store
     * @param maxRequestBytes the largest body on the wire (docs/kusto-rules.md §1.3)
     * @param maxDataBytes the largest uncompressed data
     * @param faults the fault injector
     * @param stats where to count
     * @param propagation which recent schema changes streaming ingestion does not see yet
     */
    public IngestHandler(
            Vertx vertx,
            Catalog catalog,
            long maxRequestBytes,
            long maxDataBytes,
            FaultInjector faults,
            StatsCollector stats,
            SchemaPropagation propagation) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.maxRequestBytes = maxRequestBytes;
        this.maxDataBytes = maxDataBytes;
        this.faults = new IngestFaults(vertx, faults, stats);
        this.stats = stats;
        this.propagation = propagation;
    }

    /** @return whether the path is an ingest path */
    public static boolean matches(String path) {
        return path.startsWith(PREFIX);
    }

    /**
     * Handles one ingest request; must be called from the request handler, before it returns.
     *
     * @param req the request
     * @param info its ids
     */
    public void handle(HttpServerRequest req, RequestInfo info) {
        stats.ingestRequest();
        boolean expectContinue = "100-continue".equalsIgnoreCase(req.getHeader("Expect"));
        IngestTarget target;
        try {
            target = IngestTarget.check(req, PREFIX, catalog, propagation);
        } catch (KustoError e) {
            if (expectContinue) {
                // The client will not send the body it announced: the connection cannot carry another request.
                req.response().putHeader("Connection", "close");
            }
            fail(req, info, e);
            return;
        }
        try {
            // Size is the last header check (docs/kusto-rules.md §9.2): no 100 Continue for a body that is too large,
            // and the body is never read.
            BoundedBody.checkDeclaredLength(req, maxRequestBytes, this::bodyTooLarge);
        } catch (KustoError e) {
            BoundedBody.refuse(vertx, req, () -> e, err -> fail(req, info, err));
            return;
        }
        if (expectContinue) {
            req.response().writeContinue();
        }
        BoundedBody.read(
                vertx,
                req,
                maxRequestBytes,
                this::bodyTooLarge,
                e -> fail(req, info, e),
                body -> process(req, info, target, body.getBytes()));
    }

    private KustoError bodyTooLarge(String actual) {
        return KustoErrors.payloadTooLarge("A streaming ingestion request body is limited to "
                + maxRequestBytes
                + " bytes regardless of format or compression; this one has "
                + actual + " bytes.");
    }

    /** Reads the body on a worker, draws the request's fault, commits, and answers. */
    private void process(HttpServerRequest req, RequestInfo info, IngestTarget target, byte[] body) {
        FaultOptions.Rule fault = faults.next();
        Future<IngestPayload> prepared =
                vertx.executeBlocking(() -> IngestPayload.read(target, body, maxDataBytes), false);
        prepared.compose(p -> faults.delayIf(fault, FaultPhase.BEFORE_COMMIT).map(p))
                .compose(p -> {
                    if (IngestFaults.fails(fault, FaultPhase.BEFORE_COMMIT)) {
                        faults.respond(req, info, fault, 0);
                        return Future.succeededFuture(null);
                    }
                    return vertx.executeBlocking(() -> commit(target.table(), p), false)
                            .compose(committed -> faults.delayIf(fault, FaultPhase.AFTER_COMMIT)
                                    .map(committed))
                            .onSuccess(committed -> {
                                if (IngestFaults.fails(fault, FaultPhase.AFTER_COMMIT)) {
                                    faults.respond(req, info, fault, p.rows().size());
                                } else {
                                    stats.ingestSucceeded();
                                    Responses.json(req, info, 200, successBody(p.records()));
                                }
                            });
                })
                .onFailure(err -> fail(req, info, err instanceof KustoError k ? k : internal(err)));
    }

    private Boolean commit(Table table, IngestPayload p) {
        table.append(p.rows());
        stats.committed(table.database().name(), table.name(), p.rows().size());
        return Boolean.TRUE;
    }

    private void fail(HttpServerRequest req, RequestInfo info, KustoError e) {
        stats.ingestFailed();
        Responses.error(req, info, e);
    }

    private static KustoError internal(Throwable err) {
        // A cancelled timer or task means the emulator is closing with this request in flight: not worth a warning.
        LOG.log(err instanceof CancellationException ? Level.FINE : Level.WARNING, "ingest failed", err);
        return new KustoError(
                500,
                "General_InternalServerError",
                "An internal server error occurred.",
                "Kusto.Data.Exceptions.KustoServiceException",
                "Emulator error: " + err,
                false);
    }

    /** docs/kusto-rules.md §1.4: the v1 result the SDKs accept (and ignore). */
    private static String successBody(int records) {
        return "{\"Tables\":[{\"TableName\":\"Table_0\",\"Columns\":["
                + "{\"ColumnName\":\"ConsumedRecordsCount\",\"DataType\":\"Int64\",\"ColumnType\":\"long\"},"
                + "{\"ColumnName\":\"UpdatePolicyStatus\",\"DataType\":\"String\",\"ColumnType\":\"string\"},"
                + "{\"ColumnName\":\"UpdatePolicyFailureCode\",\"DataType\":\"String\",\"ColumnType\":\"string\"},"
                + "{\"ColumnName\":\"UpdatePolicyFailureReason\",\"DataType\":\"String\",\"ColumnType\":\"string\"}],"
                + "\"Rows\":[[" + records + ",\"Inactive\",\"Unknown\",null]]}]}";
    }
}
