package io.kustotyped.emulator.queue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.emulator.dm.QueuedIngestionOptions;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.fault.DmFaultOptions;
import io.kustotyped.emulator.ingest.QueuedBlobReader;
import io.kustotyped.emulator.store.Catalog;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Consumes the ingestion queue the way Kusto's DM does (docs/queue-protocol.md): decode the message, wait out the
 * batching delay, check the identity token, read the blob (gzip by name or {@code Content-Encoding}), ingest it
 * through the streaming path ({@link QueuedBlobReader}), commit (durable with a data directory), then report and
 * delete the message. A crash before the delete leaves the message in the queue: it becomes visible again and is
 * ingested again (at least once); the ledger table makes that a reported duplicate.
 */
final class QueueConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(QueueConsumer.class.getName());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** How long a message being ingested stays invisible to other readers. */
    private static final Duration VISIBILITY = Duration.ofSeconds(30);
    /** How long a message whose blob could not be read waits before it is read again. */
    private static final Duration RETRY_DELAY = Duration.ofSeconds(1);
    /** Transient failures (e.g. a blob that cannot be read) are retried until a message was read this often. */
    static final int MAX_ATTEMPTS = QueuedIngestionOptions.BLOB_READ_ATTEMPTS;
    /** The most uncompressed bytes of one blob (Kusto's per-source limit is larger; the emulator holds it in memory). */
    static final long MAX_BLOB_DATA_BYTES = 1L << 30;

    private final StorageRest storage;
    private final IngestionResources resources;
    private final Catalog catalog;
    private final QueuedIngestionOptions options;
    private final QueueConsumer.Counters counters;
    private final DmFaultOptions.Sampler faults;
    private volatile boolean stopped;

    QueueConsumer(
            StorageRest storage,
            IngestionResources resources,
            Catalog catalog,
            QueuedIngestionOptions options,
            QueueConsumer.Counters counters) {
        this.storage = storage;
        this.resources = resources;
        this.catalog = catalog;
        this.options = options;
        this.counters = counters;
        this.faults = options.faults().sampler();
    }

    void stop() {
        stopped = true;
    }

    @Override
    public void run() {
        while (!stopped) {
            boolean worked = false;
            try {
                worked = pollOnce();
            } catch (IOException | RuntimeException e) {
                if (!stopped) {
                    LOG.log(Level.FINE, "polling the ingestion queue failed", e);
                }
            }
            if (!worked) {
                try {
                    Thread.sleep(options.pollInterval().toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    /** @return whether a message was ingested or reported */
    boolean pollOnce() throws IOException {
        List<StorageRest.QueueMessage> messages =
                storage.getMessages(IngestionResources.INGESTION_QUEUE, 32, VISIBILITY);
        boolean worked = false;
        for (StorageRest.QueueMessage m : messages) {
            if (stopped) {
                return worked;
            }
            if (!options.batchingDelay().isZero()) {
                // InsertionTime has whole seconds (truncated): count from one second later, so no message is
                // ingested before the delay; visibility timeouts are whole seconds too, rounded up
                Duration age = Duration.between(m.insertionTime().plusSeconds(1), Instant.now());
                Duration wait = options.batchingDelay().minus(age);
                if (!wait.isNegative() && !wait.isZero()) {
                    storage.hide(
                            IngestionResources.INGESTION_QUEUE, m, Duration.ofSeconds((wait.toMillis() + 999) / 1000));
                    continue;
                }
            }
            process(m);
            worked = true;
        }
        return worked;
    }

    private void process(StorageRest.QueueMessage queued) throws IOException {
        counters.messages.incrementAndGet();
        IngestionMessage msg;
        try {
            msg = IngestionMessage.decode(queued.text());
        } catch (IngestionMessage.BadMessageException e) {
            // no report settings to follow: Kusto drops a message it cannot read
            LOG.warning("dropping an ingestion message that cannot be read: " + e.getMessage());
            counters.badMessages.incrementAndGet();
            storage.deleteMessage(IngestionResources.INGESTION_QUEUE, queued);
            return;
        }
        String sourcePath = StorageRest.withoutQuery(URI.create(msg.blobPath()));
        try {
            String token = msg.property("authorizationContext");
            if (token == null || !token.equals(resources.identityToken())) {
                throw KustoErrors.badRequest(
                        "BadRequest_InvalidKustoIdentityToken",
                        token == null
                                ? "The message has no AdditionalProperties.authorizationContext; get one with"
                                        + " '.get kusto identity token'."
                                : "AdditionalProperties.authorizationContext is not a token this service issued.");
            }
            StorageRest.Blob blob;
            try {
                if (faults.failBlobRead()) {
                    counters.faultsInjected.incrementAndGet();
                    throw new IOException("the blob read failed (emulator fault injection)");
                }
                blob = storage.getBlob(URI.create(msg.blobPath()));
            } catch (IOException e) {
                counters.blobReadFailures.incrementAndGet();
                if (queued.dequeueCount() < MAX_ATTEMPTS) {
                    // transient: the message becomes visible again shortly and is retried
                    storage.hide(IngestionResources.INGESTION_QUEUE, queued, RETRY_DELAY);
                    return;
                }
                report(
                        msg,
                        sourcePath,
                        "Download_SourceNotFound",
                        "Exhausted",
                        "The blob could not be read after " + queued.dequeueCount() + " attempts: " + e.getMessage());
                storage.deleteMessage(IngestionResources.INGESTION_QUEUE, queued);
                return;
            }
            boolean gzip = sourcePath.toLowerCase(Locale.ROOT).endsWith(".gz")
                    || "gzip".equalsIgnoreCase(blob.contentEncoding());
            QueuedBlobReader.Rows rows = QueuedBlobReader.read(
                    catalog,
                    msg.database(),
                    msg.table(),
                    msg.property("format"),
                    mappingReference(msg),
                    gzip,
                    blob.bytes(),
                    MAX_BLOB_DATA_BYTES);
            if (faults.failIngest()) {
                counters.faultsInjected.incrementAndGet();
                throw new KustoError(
                        500,
                        "General_InternalServerError",
                        "An internal server error occurred.",
                        "Kusto.Data.Exceptions.KustoServiceException",
                        "The ingestion failed (emulator fault injection); nothing was committed.",
                        false);
            }
            String ledgerKey =
                    rows.table().database().name() + "." + rows.table().name();
            boolean seen = storage.getEntity(IngestionResources.LEDGER_TABLE, ledgerKey, msg.id()) != null;
            rows.table().append(rows.rows()); // W1: durable before anything below
            counters.blobs.incrementAndGet();
            counters.rows.addAndGet(rows.rows().size());
            if (seen) {
                counters.duplicateSources.incrementAndGet();
                counters.duplicateRows.addAndGet(rows.rows().size());
                LOG.warning("source " + msg.id() + " was ingested again into " + ledgerKey + " ("
                        + rows.rows().size() + " duplicate rows): its message was delivered more than once");
            }
            ObjectNode ledger = JSON.createObjectNode();
            ledger.put("Rows", rows.rows().size());
            ledger.put("IngestedOn", Instant.now().toString());
            storage.upsertEntity(
                    storage.tableUri(IngestionResources.LEDGER_TABLE),
                    storage.sas(),
                    ledgerKey,
                    msg.id(),
                    ledger.toString());
            if (msg.reportsSuccess() || msg.toTable()) {
                reportSuccess(msg, sourcePath);
            }
            if (!msg.retainBlobOnSuccess()) {
                storage.deleteBlob(URI.create(msg.blobPath()));
            }
        } catch (KustoError e) {
            counters.failures.incrementAndGet();
            report(msg, sourcePath, e.code(), e.permanent() ? "Permanent" : "Transient", e.atMessage());
        }
        storage.deleteMessage(IngestionResources.INGESTION_QUEUE, queued);
    }

    private static String mappingReference(IngestionMessage msg) {
        String ref = msg.property("ingestionMappingReference");
        return ref != null ? ref : msg.property("mappingReference");
    }

    private void report(IngestionMessage msg, String sourcePath, String code, String failureStatus, String details)
            throws IOException {
        if (!msg.reportsFailure()) {
            return;
        }
        String operation = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        if (msg.toQueue()) {
            ObjectNode f = JSON.createObjectNode();
            f.put("OperationId", operation);
            f.put("Database", msg.database());
            f.put("Table", msg.table());
            f.put("FailedOn", Instant.now().toString());
            f.put("IngestionSourceId", msg.id());
            f.put("IngestionSourcePath", sourcePath);
            f.put("Details", details);
            f.put("ErrorCode", code);
            f.put("FailureStatus", failureStatus);
            f.put("RootActivityId", activity);
            f.put("OriginatesFromUpdatePolicy", false);
            f.put("ShouldRetry", "Transient".equals(failureStatus));
            storage.putMessage(IngestionResources.FAILED_QUEUE, IngestionMessage.base64(f.toString()));
        }
        if (msg.toTable()) {
            writeStatus(msg, sourcePath, "Failed", operation, activity, code, failureStatus, details);
        }
    }

    private void reportSuccess(IngestionMessage msg, String sourcePath) throws IOException {
        String operation = UUID.randomUUID().toString();
        String activity = UUID.randomUUID().toString();
        if (msg.reportsSuccess() && msg.toQueue()) {
            ObjectNode s = JSON.createObjectNode();
            s.put("OperationId", operation);
            s.put("Database", msg.database());
            s.put("Table", msg.table());
            s.put("IngestionSourceId", msg.id());
            s.put("IngestionSourcePath", sourcePath);
            s.put("RootActivityId", activity);
            s.put("SucceededOn", Instant.now().toString());
            storage.putMessage(IngestionResources.SUCCESS_QUEUE, IngestionMessage.base64(s.toString()));
        }
        if (msg.toTable()) {
            // the .NET enums' zero values: Kusto's status rows carry no failure for a success
            writeStatus(msg, sourcePath, "Succeeded", operation, activity, "Unknown", "Unknown", "");
        }
    }

    /** Replaces the status row the client created (Pending) with the outcome, in the shape the SDKs read back. */
    private void writeStatus(
            IngestionMessage msg,
            String sourcePath,
            String status,
            String operation,
            String activity,
            String code,
            String failureStatus,
            String details)
            throws IOException {
        IngestionMessage.StatusRow row = msg.statusTable();
        String url = row.tableUrl();
        int q = url.indexOf('?');
        ObjectNode e = JSON.createObjectNode();
        e.put("Status", status);
        e.put("IngestionSourceId", msg.id());
        e.put("IngestionSourcePath", sourcePath);
        e.put("Database", msg.database());
        e.put("Table", msg.table());
        e.put("UpdatedOn", Instant.now().toString());
        e.put("UpdatedOn@odata.type", "Edm.DateTime");
        e.put("OperationId", operation);
        e.put("ActivityId", activity);
        e.put("ErrorCode", code);
        e.put("FailureStatus", failureStatus);
        e.put("Details", details);
        e.put("OriginatesFromUpdatePolicy", false);
        storage.upsertEntity(
                URI.create(q < 0 ? url : url.substring(0, q)),
                q < 0 ? storage.sas() : url.substring(q + 1),
                row.partitionKey(),
                row.rowKey(),
                e.toString());
    }

    /** Counters of one DM side; read through {@link QueuedIngestion#stats()}. */
    static final class Counters {
        final AtomicLong messages = new AtomicLong();
        final AtomicLong badMessages = new AtomicLong();
        final AtomicLong blobs = new AtomicLong();
        final AtomicLong rows = new AtomicLong();
        final AtomicLong failures = new AtomicLong();
        final AtomicLong blobReadFailures = new AtomicLong();
        final AtomicLong duplicateSources = new AtomicLong();
        final AtomicLong duplicateRows = new AtomicLong();
        final AtomicLong faultsInjected = new AtomicLong();
    }
}
