package io.kustotyped.runtime;

import io.kustotyped.runtime.impl.ClientDetails;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

/**
 * Queued ingestion of one gzip blob, the V1 protocol of Kusto's Data Management service (docs/managed-ingestion.md §1):
 * Put Blob into one of the temporary containers, then (when its outcome is tracked) a {@code Pending} row in the
 * status table, then Put Message of the base64 JSON ingestion message into one of the ingestion queues. Each step tries
 * up to three resources in {@link StorageRanking} order, as Microsoft's clients do. One per client. Internal.
 */
final class QueuedIngest {

    /** Resources tried per step, as Microsoft's Java, Python and Go clients do. */
    static final int TRIES_PER_STEP = 3;

    /**
     * One blob to queue.
     *
     * @param database the database
     * @param table the table
     * @param mappingName the generated mapping's name (sent as {@code ingestionMappingReference}), or null
     * @param format the format of the rows
     * @param gz the gzip body; read only until the returned future completes
     * @param rawSize the uncompressed size, sent as {@code RawDataSize}
     * @param sourceId the source id ({@code Id}), the key of status reports
     * @param track whether to record the outcome in the status table (and ask for success reports)
     * @param requestId the base of the storage requests' {@code x-ms-client-request-id}
     * @param ambiguous set when a message post ended without proving it was not enqueued (the batch may be ingested
     *     twice if it is posted again)
     */
    record Request(
            String database,
            String table,
            String mappingName,
            StreamFormat format,
            Buffer gz,
            long rawSize,
            String sourceId,
            boolean track,
            String requestId,
            AtomicBoolean ambiguous) {}

    /**
     * A posted blob.
     *
     * @param sourceId its source id
     * @param blobName the blob's name in its container
     * @param statusTable the status table's SAS URL when tracked, else null (a secret: never log it)
     */
    record Posted(String sourceId, String blobName, String statusTable) {}

    private final IngestionResources resources;
    private final StorageRest storage;
    private final StorageRanking ranking = new StorageRanking();
    private final String endpoint;

    QueuedIngest(IngestionResources resources, StorageRest storage, String endpoint) {
        this.resources = resources;
        this.storage = storage;
        this.endpoint = endpoint;
    }

    /** The Data Management endpoint. */
    String endpoint() {
        return endpoint;
    }

    /** The resource cache (tests, the CLI). */
    IngestionResources resources() {
        return resources;
    }

    /**
     * Microsoft's Java client's blob name: {@code {db}__{table}__StreamUpload__{id}.{format}.gz}; the {@code .gz} tells
     * the service the blob is compressed, and the id is the source id, so a blob can be found from its status.
     */
    static String blobName(String database, String table, String sourceId, StreamFormat format) {
        return database + "__" + table + "__StreamUpload__" + sourceId + "."
                + format.wireName().toLowerCase(Locale.ROOT) + ".gz";
    }

    /** Uploads and posts one blob. */
    Future<Posted> send(Request r) {
        return resources.get().compose(res -> {
            String name = blobName(r.database(), r.table(), r.sourceId(), r.format());
            return tryEach(res, res.containers(), "blob", r, url -> storage.putBlob(url, name, r.gz(), r.requestId()))
                    .compose(blobUrl -> {
                        String statusTable = r.track() && !res.statusTables().isEmpty()
                                ? ranking.order(res.statusTables()).get(0)
                                : null;
                        if (r.track() && statusTable == null) {
                            return Future.failedFuture(new IllegalStateException("The Data Management endpoint "
                                    + endpoint + " listed no IngestionsStatusTable, so queued batches cannot be "
                                    + "tracked (IngestOptions queuedStatusTimeout)"));
                        }
                        Future<Void> row = statusTable == null
                                ? Future.succeededFuture()
                                : storage.insertEntity(statusTable, pendingRow(r, blobUrl), r.requestId() + ";status");
                        String text = Base64.getEncoder()
                                .encodeToString(message(r, blobUrl, res.identityToken(), statusTable)
                                        .encode()
                                        .getBytes(StandardCharsets.UTF_8));
                        return row.compose(v -> tryEach(
                                        res,
                                        res.queues(),
                                        "message",
                                        r,
                                        url -> storage.putMessage(url, text, r.requestId() + ";message")
                                                .map(x -> url)))
                                .map(q -> new Posted(r.sourceId(), name, statusTable));
                    });
        });
    }

    /** Reads a tracked blob's status row: {@code Status}, {@code ErrorCode}, {@code FailureStatus}, {@code Details}. */
    Future<JsonObject> status(Posted p, String requestId) {
        return storage.getEntity(p.statusTable(), p.sourceId(), p.sourceId(), requestId);
    }

    private <T> Future<T> tryEach(
            IngestionResources.Snapshot res,
            List<String> urls,
            String what,
            Request r,
            Function<String, Future<T>> call) {
        List<String> order = ranking.order(urls);
        return tryFrom(res, order, 0, Math.min(TRIES_PER_STEP, order.size()), what, r, call);
    }

    private <T> Future<T> tryFrom(
            IngestionResources.Snapshot res,
            List<String> order,
            int i,
            int tries,
            String what,
            Request r,
            Function<String, Future<T>> call) {
        String url = order.get(i);
        Future<T> attempt;
        try {
            attempt = call.apply(url);
        } catch (RuntimeException e) {
            attempt = Future.failedFuture(e);
        }
        return attempt.transform(ar -> {
            ranking.report(url, ar.succeeded());
            if (ar.succeeded()) {
                return Future.succeededFuture(ar.result());
            }
            Throwable e = ar.cause();
            if (what.equals("message") && !ErrorRules.provesNotCommitted(e)) {
                r.ambiguous().set(true);
            }
            if (e instanceof KustoStorageException s && (s.status() == 403 || s.status() == 404)) {
                resources.invalidate(res); // an expired SAS or a replaced resource: fetch fresh ones next time
            }
            if (i + 1 < tries && ErrorRules.kindOf(e) == ErrorRules.Kind.TRANSIENT) {
                return tryFrom(res, order, i + 1, tries, what, r, call);
            }
            return Future.failedFuture(e);
        });
    }

    /** The status row Microsoft's Java client writes before it posts the message. */
    private static JsonObject pendingRow(Request r, String blobUrl) {
        return new JsonObject()
                .put("PartitionKey", r.sourceId())
                .put("RowKey", r.sourceId())
                .put("Status", "Pending")
                .put("IngestionSourceId", r.sourceId())
                .put("IngestionSourcePath", StorageRest.redact(blobUrl))
                .put("Database", r.database())
                .put("Table", r.table())
                .put("UpdatedOn", Instant.now().toString());
    }

    /**
     * The ingestion message (docs/managed-ingestion.md §1.3), PascalCase keys as in Kusto's REST docs. RawDataSize is
     * the uncompressed size (Microsoft's Java client sends the compressed one for streams).
     */
    static JsonObject message(Request r, String blobUrl, String identityToken, String statusTable) {
        JsonObject props = new JsonObject()
                .put("authorizationContext", identityToken)
                .put("format", r.format().wireName().toLowerCase(Locale.ROOT));
        if (r.mappingName() != null) {
            props.put("ingestionMappingReference", r.mappingName()).put("ingestionMappingType", "Json");
        }
        JsonObject m = new JsonObject()
                .put("Id", r.sourceId())
                .put("BlobPath", blobUrl)
                .put("RawDataSize", r.rawSize())
                .put("DatabaseName", r.database())
                .put("TableName", r.table())
                .put("RetainBlobOnSuccess", true)
                .put("FlushImmediately", false)
                .put("IgnoreSizeLimit", false)
                // ReportLevel 0 FailuresOnly / 2 FailuresAndSuccesses; ReportMethod 0 Queue / 1 Table.
                .put("ReportLevel", statusTable != null ? 2 : 0)
                .put("ReportMethod", statusTable != null ? 1 : 0)
                .put("SourceMessageCreationTime", Instant.now().toString())
                .put("ApplicationForTracing", "kusto-typed")
                .put("ClientVersionForTracing", "kusto-typed:" + ClientDetails.VERSION);
        if (statusTable != null) {
            m.put(
                    "IngestionStatusInTable",
                    new JsonObject()
                            .put("TableConnectionString", statusTable)
                            .put("PartitionKey", r.sourceId())
                            .put("RowKey", r.sourceId()));
        }
        return m.put("AdditionalProperties", props);
    }
}
