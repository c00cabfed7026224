package io.kustotyped.micrometer;

import io.kustotyped.runtime.IngestListener;
import io.kustotyped.runtime.IngestMode;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.KustoTransportException;
import io.kustotyped.runtime.TableIngestor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;

/**
 * Records kusto-typed ingestion to a Micrometer {@link MeterRegistry}. It is an {@link IngestListener}: give it to
 * the ingestors' options ({@link #instrument(IngestOptions)}), and register the ingestors whose live batches and
 * buffered bytes should be gauges ({@link #monitor(TableIngestor)}).
 *
 * <pre>{@code
 * KustoIngestMetrics metrics = KustoIngestMetrics.create(registry);
 * EventIngestor ingestor = metrics.monitor(EventIngestor.create(client, metrics.instrument(new IngestOptions())));
 * }</pre>
 *
 * <p>Every meter has the tags {@code database}, {@code table} and {@code mode}: {@code streaming} or {@code queued},
 * how the attempt sent its rows (a {@code MANAGED} ingestor reports each attempt under the mode it used; its gauges
 * carry {@code managed}). The meters, with their extra tags:
 *
 * <ul>
 *   <li>{@value #REQUESTS} (timer): every request attempt; {@code outcome} = {@code succeeded}, {@code retrying},
 *       {@code split}, {@code failed}, {@code fell_back} (managed: the batch goes queued instead) or {@code queued}
 *       (the blob is uploaded and the ingestion message posted), {@code status} = the HTTP status or {@code none}. Its count is
 *       {@code IngestResult.requests()}.
 *   <li>{@value #ROWS} (counter): {@code outcome} = {@code ingested} (rows the service confirmed),
 *       {@code queued} (rows of posted ingestion messages: Kusto ingests them later, see {@code
 *       IngestResult.queuedBatches()}) or {@code failed} (rows of requests that failed for good).
 *   <li>{@value #RAW_BYTES}, {@value #COMPRESSED_BYTES} (counters, bytes): the bodies of requests that succeeded
 *       and of blobs posted for queued ingestion.
 *   <li>{@value #RETRIES}, {@value #THROTTLES} (counters): requests that were retries; requests answered 429.
 *   <li>{@value #FAILURES} (counter): requests that failed for good, by {@code code}: the Kusto error code,
 *       {@code http_<status>} when the body had none, {@code transport} for a connection failure or timeout, or
 *       the exception's class name.
 *   <li>{@value #BATCHES_IN_FLIGHT}, {@value #BUFFERED_BYTES} (gauges): batches held and the bytes they hold, summed
 *       over the monitored ingestors of the table.
 * </ul>
 *
 * <p>Thread-safe; called on Vert.x threads, it never blocks.
 */
public final class KustoIngestMetrics implements IngestListener {

    /** Request attempts and their latency. */
    public static final String REQUESTS = "kusto.ingest.requests";
    /** Rows ingested or failed. */
    public static final String ROWS = "kusto.ingest.rows";
    /** Uncompressed JSON bytes of the requests that succeeded. */
    public static final String RAW_BYTES = "kusto.ingest.raw.bytes";
    /** gzip bytes of the requests that succeeded. */
    public static final String COMPRESSED_BYTES = "kusto.ingest.compressed.bytes";
    /** Requests that were retries of an earlier attempt. */
    public static final String RETRIES = "kusto.ingest.retries";
    /** Requests the service throttled (429). */
    public static final String THROTTLES = "kusto.ingest.throttles";
    /** Requests that failed for good, by error code. */
    public static final String FAILURES = "kusto.ingest.failures";
    /** Batches being filled, compressed or sent. */
    public static final String BATCHES_IN_FLIGHT = "kusto.ingest.batches.inflight";
    /** Bytes held by those batches. */
    public static final String BUFFERED_BYTES = "kusto.ingest.buffered.bytes";

    /** The {@code mode} tag's value: streaming ingestion. */
    public static final String MODE_STREAMING = "streaming";
    /** The {@code mode} tag's value: queued ingestion (a blob and a queue message). */
    public static final String MODE_QUEUED = "queued";

    private final MeterRegistry registry;
    private final KustoMetricsOptions options;
    private final Map<Tags, Set<TableIngestor<?>>> monitored = new ConcurrentHashMap<>();

    private KustoIngestMetrics(MeterRegistry registry, KustoMetricsOptions options) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.options = new KustoMetricsOptions(Objects.requireNonNull(options, "options"));
    }

    /** Metrics with the default options. */
    public static KustoIngestMetrics create(MeterRegistry registry) {
        return new KustoIngestMetrics(registry, new KustoMetricsOptions());
    }

    /** Metrics with {@code options} (copied). */
    public static KustoIngestMetrics create(MeterRegistry registry, KustoMetricsOptions options) {
        return new KustoIngestMetrics(registry, options);
    }

    /** The registry. */
    public MeterRegistry registry() {
        return registry;
    }

    /**
     * A copy of {@code options} whose listener records here, then calls the listener {@code options} had (if any).
     *
     * @param options the ingestor's options
     * @return the copy to create the ingestor with
     */
    public IngestOptions instrument(IngestOptions options) {
        IngestListener previous = options.getListener();
        IngestListener listener = previous == IngestListener.NONE || previous == this
                ? this
                : event -> {
                    onRequest(event);
                    previous.onRequest(event);
                };
        return new IngestOptions(options).setListener(listener);
    }

    /**
     * Registers the gauges {@value #BATCHES_IN_FLIGHT} and {@value #BUFFERED_BYTES} for {@code ingestor} (summed with
     * the other monitored ingestors of the same database and table). The ingestor is held weakly.
     *
     * @param ingestor the ingestor
     * @return the same ingestor
     */
    public <I extends TableIngestor<?>> I monitor(I ingestor) {
        Tags tags = tags(
                ingestor.database(),
                ingestor.table().tableName(),
                ingestor.options().getMode());
        Set<TableIngestor<?>> set = monitored.computeIfAbsent(tags, t -> {
            Set<TableIngestor<?>> s = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));
            gauge(
                    BATCHES_IN_FLIGHT,
                    "Batches being filled, compressed or sent",
                    null,
                    t,
                    s,
                    TableIngestor::batchesInFlight);
            gauge(BUFFERED_BYTES, "Bytes held by batches in flight", "bytes", t, s, TableIngestor::bufferedBytes);
            return s;
        });
        set.add(ingestor);
        return ingestor;
    }

    private void gauge(
            String name,
            String description,
            String unit,
            Tags tags,
            Set<TableIngestor<?>> ingestors,
            ToDoubleFunction<TableIngestor<?>> value) {
        Gauge.builder(name, ingestors, s -> {
                    double sum = 0;
                    synchronized (s) {
                        for (TableIngestor<?> i : s) {
                            sum += value.applyAsDouble(i);
                        }
                    }
                    return sum;
                })
                .description(description)
                .baseUnit(unit)
                .tags(tags)
                .strongReference(true)
                .register(registry);
    }

    @Override
    public void onRequest(RequestEvent e) {
        Tags tags = tags(e.database(), e.table(), e.mode());
        String outcome = e.outcome().name().toLowerCase(Locale.ROOT);
        Timer.builder(REQUESTS)
                .description("Ingestion request attempts: streaming requests and queued blob posts")
                .tags(tags)
                .tag("outcome", outcome)
                .tag("status", e.status() == 0 ? "none" : Integer.toString(e.status()))
                .publishPercentiles(options.getPercentiles())
                .publishPercentileHistogram(options.isPercentileHistogram())
                .register(registry)
                .record(e.latency());
        if (e.attempt() > 0) {
            counter(RETRIES, "Requests that retried an earlier attempt", null, tags)
                    .increment();
        }
        if (e.throttled()) {
            counter(THROTTLES, "Requests the service throttled (429)", null, tags)
                    .increment();
        }
        switch (e.outcome()) {
            case SUCCEEDED -> {
                counter(ROWS, "Rows ingested or failed", "rows", tags.and("outcome", "ingested"))
                        .increment(e.rows());
                counter(RAW_BYTES, "Uncompressed JSON bytes ingested", "bytes", tags)
                        .increment(e.rawBytes());
                counter(COMPRESSED_BYTES, "gzip bytes ingested", "bytes", tags).increment(e.compressedBytes());
            }
            case QUEUED -> {
                counter(ROWS, "Rows ingested or failed", "rows", tags.and("outcome", "queued"))
                        .increment(e.rows());
                counter(RAW_BYTES, "Uncompressed JSON bytes ingested", "bytes", tags)
                        .increment(e.rawBytes());
                counter(COMPRESSED_BYTES, "gzip bytes ingested", "bytes", tags).increment(e.compressedBytes());
            }
            case FAILED -> {
                counter(ROWS, "Rows ingested or failed", "rows", tags.and("outcome", "failed"))
                        .increment(e.rows());
                counter(FAILURES, "Requests that failed for good", null, tags.and("code", errorCode(e.error())))
                        .increment();
            }
            default -> {}
        }
    }

    private Counter counter(String name, String description, String unit, Tags tags) {
        return Counter.builder(name)
                .description(description)
                .baseUnit(unit)
                .tags(tags)
                .register(registry);
    }

    private Tags tags(String database, String table, IngestMode mode) {
        return Tags.of("database", database, "table", table, "mode", mode.name().toLowerCase(Locale.ROOT))
                .and(options.getExtraTags());
    }

    /**
     * The {@code code} tag of a failure: the Kusto error code, {@code http_<status>} for an error body without one,
     * {@code transport} for a connection failure or timeout, else the exception's simple class name.
     */
    static String errorCode(Throwable error) {
        if (error instanceof KustoServiceException k) {
            return k.code().filter(c -> !c.isEmpty()).orElse("http_" + k.status());
        }
        if (error instanceof KustoTransportException) {
            return "transport";
        }
        return error == null ? "unknown" : error.getClass().getSimpleName();
    }
}
