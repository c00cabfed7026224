package io.kustotyped.runtime;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The queued-ingestion resources of a cluster, fetched from its Data Management endpoint and cached: the queues and
 * temporary containers ({@code .get ingestion resources}, docs/managed-ingestion.md §1) and the Kusto identity token
 * every message carries ({@code .get kusto identity token}). Both are fetched together, at the first use and again
 * once they are older than the refresh interval (1 h, as Microsoft's SDKs do), or at once after storage refused a SAS
 * ({@link #invalidate}). Concurrent callers share one fetch. When a refresh fails, the previous resources are used
 * (their SAS normally outlives the interval) and the next call tries again. Thread-safe. Internal.
 */
final class IngestionResources {

    private static final Logger LOG = Logger.getLogger("io.kustotyped.runtime.ingest");

    /** The SDKs send the DM commands with this database (it is not used by the commands). */
    static final String DM_DATABASE = "NetDefaultDB";

    /**
     * One fetch's result. The URLs carry their SAS and the token is a credential: never log them.
     *
     * @param queues {@code SecuredReadyForAggregationQueue}: where ingestion messages go
     * @param containers {@code TempStorage}: where blobs go
     * @param statusTables {@code IngestionsStatusTable}
     * @param successQueues {@code SuccessfulIngestionsQueue}
     * @param failureQueues {@code FailedIngestionsQueue}
     * @param identityToken the {@code AuthorizationContext} of {@code .get kusto identity token}
     * @param fetchedNanos when, by {@link System#nanoTime()}
     */
    record Snapshot(
            List<String> queues,
            List<String> containers,
            List<String> statusTables,
            List<String> successQueues,
            List<String> failureQueues,
            String identityToken,
            long fetchedNanos) {
        @Override
        public String toString() {
            return "Snapshot[" + queues.size() + " queues, " + containers.size() + " containers, " + statusTables.size()
                    + " status tables]";
        }
    }

    private final Function<String, Future<KustoResultTable>> dm;
    private final String endpoint;
    private final Duration refresh;
    private Snapshot current;
    private Future<Snapshot> inFlight;
    private int fetches;

    /**
     * @param dm runs a management command on the DM endpoint
     * @param endpoint the DM URL, for messages
     * @param refresh how old resources may get before they are fetched again
     */
    IngestionResources(Function<String, Future<KustoResultTable>> dm, String endpoint, Duration refresh) {
        this.dm = dm;
        this.endpoint = endpoint;
        this.refresh = refresh;
    }

    /** The resources, from the cache when fresh enough. */
    Future<Snapshot> get() {
        Promise<Snapshot> p;
        synchronized (this) {
            if (current != null && System.nanoTime() - current.fetchedNanos() < refresh.toNanos()) {
                return Future.succeededFuture(current);
            }
            if (inFlight != null) {
                return inFlight;
            }
            p = Promise.promise();
            inFlight = p.future();
            fetches++;
        }
        fetch().onComplete(ar -> {
            Snapshot use;
            synchronized (this) {
                inFlight = null;
                if (ar.succeeded()) {
                    current = ar.result();
                } else if (current != null) {
                    LOG.log(
                            Level.FINE,
                            "Refreshing the ingestion resources of " + endpoint + " failed; using the "
                                    + "previous ones: " + ar.cause());
                }
                use = ar.succeeded() ? ar.result() : current;
                if (use != null && ar.failed()) {
                    // Try again at the next call, not at every call.
                    current = new Snapshot(
                            use.queues(),
                            use.containers(),
                            use.statusTables(),
                            use.successQueues(),
                            use.failureQueues(),
                            use.identityToken(),
                            System.nanoTime() - refresh.toNanos() + Math.min(refresh.toNanos(), 60_000_000_000L));
                }
            }
            if (use != null) {
                p.complete(use);
            } else {
                p.fail(ar.cause());
            }
        });
        return p.future();
    }

    /** Forgets {@code stale} (a SAS it holds was refused), so that the next {@link #get()} fetches again. */
    synchronized void invalidate(Snapshot stale) {
        if (current == stale) {
            current = null;
        }
    }

    /** How many fetches were started (tests). */
    synchronized int fetches() {
        return fetches;
    }

    private Future<Snapshot> fetch() {
        Future<KustoResultTable> resources = dm.apply(".get ingestion resources");
        Future<KustoResultTable> identity = dm.apply(".get kusto identity token");
        return Future.all(resources, identity).map(x -> parse(resources.result(), identity.result()));
    }

    private Snapshot parse(KustoResultTable resources, KustoResultTable identity) {
        List<String> queues = new ArrayList<>();
        List<String> containers = new ArrayList<>();
        List<String> statusTables = new ArrayList<>();
        List<String> successQueues = new ArrayList<>();
        List<String> failureQueues = new ArrayList<>();
        for (int i = 0; i < resources.rowCount(); i++) {
            String type = resources.string(i, "ResourceTypeName");
            String root = resources.string(i, "StorageRoot");
            if (type == null || root == null) {
                continue;
            }
            switch (type.toLowerCase(Locale.ROOT)) {
                case "securedreadyforaggregationqueue" -> queues.add(root);
                case "tempstorage" -> containers.add(root);
                case "ingestionsstatustable" -> statusTables.add(root);
                case "successfulingestionsqueue" -> successQueues.add(root);
                case "failedingestionsqueue" -> failureQueues.add(root);
                default -> {} // other resource types are not used here
            }
        }
        if (queues.isEmpty() || containers.isEmpty()) {
            throw new IllegalStateException("The Data Management endpoint " + endpoint + " listed "
                    + queues.size() + " SecuredReadyForAggregationQueue and " + containers.size()
                    + " TempStorage resources in '.get ingestion resources'; queued ingestion needs at least one "
                    + "of each");
        }
        String token = identity.rowCount() == 0 ? null : identity.string(0, "AuthorizationContext");
        if (token == null || token.isEmpty()) {
            throw new IllegalStateException("The Data Management endpoint " + endpoint
                    + " answered '.get kusto identity token' without an AuthorizationContext");
        }
        return new Snapshot(
                List.copyOf(queues),
                List.copyOf(containers),
                List.copyOf(statusTables),
                List.copyOf(successQueues),
                List.copyOf(failureQueues),
                token,
                System.nanoTime());
    }
}
