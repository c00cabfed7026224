package io.kustotyped.emulator.ingest;

import io.kustotyped.emulator.KustoException;
import io.kustotyped.emulator.RequestInfo;
import io.kustotyped.emulator.Responses;
import io.kustotyped.emulator.StatsCollector;
import io.kustotyped.emulator.fault.FaultInjector;
import io.kustotyped.emulator.fault.FaultKind;
import io.kustotyped.emulator.fault.FaultOptions;
import io.kustotyped.emulator.fault.FaultPhase;
import io.kustotyped.emulator.store.Catalog;
import io.kustotyped.emulator.store.Database;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.Table;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * {@code POST /v1/rest/ingest/{database}/{table}?streamFormat=..&mappingName=..} (docs/streaming-ingest.md).
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
    private final IngestLimits limits;
    private final FaultInjector faults;
    private final StatsCollector stats;
    private final SchemaPropagation propagation;

    /**
     * Creates the handler.
     *
     * @param vertx the Vert.x instance (worker threads and timers)
     * @param catalog the store
     * @param limits the size limits
     * @param faults the fault injector
     * @param stats where to count
     */
    public IngestHandler(
            Vertx vertx, Catalog catalog, IngestLimits limits, FaultInjector faults, StatsCollector stats) {
        this(vertx, catalog, limits, faults, stats, SchemaPropagation.NONE);
    }

    /**
     * Creates the handler.
     *
     * @param vertx the Vert.x instance (worker threads and timers)
     * @param catalog the store
     * @param limits the size limits
     * @param faults the fault injector
     * @param stats where to count
     * @param propagation which recent schema changes streaming ingestion does not see yet
     */
    public IngestHandler(
            Vertx vertx,
            Catalog catalog,
            IngestLimits limits,
            FaultInjector faults,
            StatsCollector stats,
            SchemaPropagation propagation) {
        this.vertx = vertx;
        this.catalog = catalog;
        this.limits = limits;
        this.faults = faults;
        this.stats = stats;
        this.propagation = propagation;
    }

    /** @return whether the path is an ingest path */
    public static boolean matches(String path) {
        return path.startsWith(PREFIX);
    }

    /** What the header checks resolved. */
    private record Target(Table table, StreamFormat format, IngestionMapping mapping, String contentEncoding) {}

    /** Rows ready to commit. */
    private record Prepared(List<Object[]> rows, int records) {}

    /**
     * Handles one ingest request; must be called from the request handler, before it returns.
     *
     * @param req the request
     * @param info its ids
     */
    public void handle(HttpServerRequest req, RequestInfo info) {
        stats.ingestRequest();
        boolean expectContinue = "100-continue".equalsIgnoreCase(req.getHeader("Expect"));
        Target target;
        try {
            target = check(req);
        } catch (KustoException e) {
            if (expectContinue) {
                // The client will not send the body it announced: the connection cannot carry another request.
                req.response().putHeader("Connection", "close");
            }
            fail(req, info, e);
            return;
        }
        if (expectContinue) {
            req.response().writeContinue();
        }
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        req.handler(chunk -> {
            if (tooLarge[0]) {
                return;
            }
            body.appendBuffer(chunk);
            if (body.length() > limits.maxRequestBytes()) {
                tooLarge[0] = true;
                req.response().putHeader("Connection", "close");
                fail(req, info, bodyTooLarge("more than " + limits.maxRequestBytes()));
            }
        });
        req.exceptionHandler(err -> LOG.log(Level.FINE, "ingest request failed while reading", err));
        req.endHandler(v -> {
            if (!tooLarge[0]) {
                process(req, info, target, body.getBytes());
            }
        });
    }

    private Target check(HttpServerRequest req) {
        String[] parts = req.path().substring(PREFIX.length()).split("/", -1);
        if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
            throw KustoException.badRequest(
                    "General_BadRequest",
                    "The ingest path must be /v1/rest/ingest/{database}/{table}, not '" + req.path() + "'.");
        }
        String dbName = PathCodec.decode(parts[0]);
        String tableName = PathCodec.decode(parts[1]);
        if ("uri".equalsIgnoreCase(req.getParam("sourceKind"))) {
            throw KustoException.badRequest(
                    "BadRequest_IngestionPropertyNotSupportedInThisContext",
                    "sourceKind=uri (ingesting from a blob) is not supported by the emulator; send the data in the body.");
        }
        StreamFormat format = StreamFormat.parse(req.getParam("streamFormat"));
        Database db = catalog.database(dbName);
        if (db == null) {
            throw KustoException.databaseNotExist(dbName);
        }
        Table table = db.table(tableName);
        if (table == null) {
            throw KustoException.tableNotExist(db.name(), tableName);
        }
        propagation.checkTable(db.name(), table.name());
        if (!table.streamingEnabled()) {
            throw KustoException.streamingPolicyNotEnabled(db.name(), tableName);
        }
        propagation.checkStreamingPolicy(db.name(), table.name(), table.streamingPolicy() != null);
        IngestionMapping mapping = resolveMapping(db, table, format, req.getParam("mappingName"));
        if (mapping != null) {
            boolean tableScope = table.mapping(mapping.kind(), mapping.name()) == mapping;
            propagation.checkMapping(db.name(), tableScope ? table.name() : null, mapping.kind(), mapping.name());
        }
        if (!format.implemented()) {
            throw KustoException.formatNotSupported("streamFormat '" + format.wireName() + "' is valid for Kusto but "
                    + "the emulator does not implement it. Supported: " + StreamFormat.implementedNames() + ".");
        }
        String length = req.getHeader("Content-Length");
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > limits.maxRequestBytes()) {
                    throw bodyTooLarge(length.trim());
                }
            } catch (NumberFormatException e) {
                throw KustoException.badRequest(
                        "General_BadRequest", "Content-Length '" + length + "' is not a number.");
            }
        }
        String encoding = req.getHeader("Content-Encoding");
        BodyDecoder.checkEncoding(encoding);
        return new Target(table, format, mapping, encoding);
    }

    /** docs/kusto-rules.md §9.1.3: table scope before database scope; the kind must match the format. */
    private static IngestionMapping resolveMapping(Database db, Table table, StreamFormat format, String name) {
        if (name == null || name.isEmpty()) {
            if (format.requiresMapping()) {
                throw KustoException.badRequest(
                        "BadRequest_MappingReferenceWasNotFound",
                        "streamFormat '"
                                + format.wireName()
                                + "' requires the 'mappingName' query parameter: the name of a pre-created "
                                + format.mappingKind().toLowerCase(java.util.Locale.ROOT)
                                + " ingestion mapping on table '"
                                + table.name() + "' (streaming ingestion does not accept inline mappings).");
            }
            return null;
        }
        IngestionMapping m = table.mapping(format.mappingKind(), name);
        if (m == null) {
            m = db.mapping(format.mappingKind(), name);
        }
        if (m == null) {
            throw KustoException.mappingNotFound(db.name(), name, format.mappingKind());
        }
        return m;
    }

    private KustoException bodyTooLarge(String actual) {
        return KustoException.payloadTooLarge("A streaming ingestion request body is limited to "
                + limits.maxRequestBytes()
                + " bytes regardless of format or compression; this one has "
                + actual + " bytes.");
    }

    private void process(HttpServerRequest req, RequestInfo info, Target target, byte[] body) {
        FaultOptions.Rule fault = faults.next();
        Future<Prepared> prepared = vertx.executeBlocking(() -> prepare(target, body), false);
        prepared.compose(p -> delayIf(fault, FaultPhase.BEFORE_COMMIT).map(p))
                .compose(p -> {
                    if (fault != null && fault.phase() == FaultPhase.BEFORE_COMMIT && fault.kind() != FaultKind.SLOW) {
                        injectFault(req, info, fault, 0);
                        return Future.succeededFuture(null);
                    }
                    return vertx.executeBlocking(() -> commit(target.table(), p), false)
                            .compose(committed ->
                                    delayIf(fault, FaultPhase.AFTER_COMMIT).map(committed))
                            .onSuccess(committed -> {
                                if (fault != null
                                        && fault.phase() == FaultPhase.AFTER_COMMIT
                                        && fault.kind() != FaultKind.SLOW) {
                                    injectFault(req, info, fault, p.rows().size());
                                } else {
                                    stats.ingestSucceeded();
                                    Responses.json(req, info, 200, successBody(p.records()));
                                }
                            });
                })
                .onFailure(err -> fail(req, info, err instanceof KustoException k ? k : internal(err)));
    }

    private Prepared prepare(Target target, byte[] body) {
        byte[] data = BodyDecoder.decode(body, target.contentEncoding(), limits.maxDataBytes());
        List<SourceRecord> records;
        int skipped = 0;
        if (target.format().isJson()) {
            JsonRecordReader.Result r = JsonRecordReader.read(target.format(), data);
            records = r.records();
            skipped = r.skipped();
        } else {
            records = TextRecordReader.read(target.format(), data);
        }
        if (records.isEmpty()) {
            throw KustoException.noRecords(
                    data.length == 0
                            ? "The input stream produced 0 bytes. This usually means that the input JSON stream was ill formed."
                            : "The input stream produced 0 records"
                                    + (skipped > 0
                                            ? "; " + skipped + " line(s) were not valid JSON "
                                                    + "objects and were skipped (format 'json' is one object per line; use 'multijson' for arrays or "
                                                    + "multi-line objects)"
                                            : "")
                                    + ".");
        }
        MappingEngine engine = MappingEngine.prepare(target.table(), target.mapping());
        List<Object[]> rows = new ArrayList<>(records.size());
        for (SourceRecord record : records) {
            rows.add(engine.apply(record));
        }
        return new Prepared(rows, records.size());
    }

    private Boolean commit(Table table, Prepared p) {
        table.append(p.rows());
        stats.committed(table.database().name(), table.name(), p.rows().size());
        return Boolean.TRUE;
    }

    private Future<Void> delayIf(FaultOptions.Rule fault, FaultPhase phase) {
        if (fault == null || fault.kind() != FaultKind.SLOW || fault.phase() != phase) {
            return Future.succeededFuture();
        }
        stats.faultInjected(fault, 0);
        return vertx.timer(Math.max(1, faults.options().slowDelay().toMillis()));
    }

    private void injectFault(HttpServerRequest req, RequestInfo info, FaultOptions.Rule fault, long committedRows) {
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
                Responses.error(req, info, KustoException.throttled());
            }
            case INTERNAL_ERROR ->
                Responses.error(
                        req,
                        info,
                        KustoException.transientServerError(
                                500, "Injected fault: internal error " + when + " commit."));
            case SERVICE_UNAVAILABLE ->
                Responses.error(
                        req,
                        info,
                        KustoException.transientServerError(
                                503, "Injected fault: service unavailable " + when + " commit."));
            case CONNECTION_CLOSE -> req.connection().close();
            case SLOW -> throw new IllegalStateException("slow is not a failure");
        }
    }

    private void fail(HttpServerRequest req, RequestInfo info, KustoException e) {
        stats.ingestFailed();
        Responses.error(req, info, e);
    }

    private static KustoException internal(Throwable err) {
        // A cancelled timer or task means the emulator is closing with this request in flight: not worth a warning.
        LOG.log(err instanceof CancellationException ? Level.FINE : Level.WARNING, "ingest failed", err);
        return new KustoException(
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
