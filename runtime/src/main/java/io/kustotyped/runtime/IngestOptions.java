package io.kustotyped.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link TableIngestor}: mode (streaming, queued, managed), request format, batch limits, compression,
 * concurrency and retries.
 * {@code new IngestOptions()} gives the defaults. Setters are fluent; an ingestor takes a copy when it is created.
 */
public class IngestOptions {

    /** 4 MiB: docs/kusto-rules.md §1.3 "safe client rule" (gzipped body and raw data both at most 4 MiB). */
    public static final int DEFAULT_MAX_RAW_BATCH_BYTES = 4 * 1024 * 1024;
    /** 4 MiB: docs/kusto-rules.md §1.3. */
    public static final int DEFAULT_MAX_COMPRESSED_BATCH_BYTES = 4 * 1024 * 1024;
    /** Rows per request at most, whatever their size. */
    public static final int DEFAULT_MAX_BATCH_ROWS = 100_000;
    /**
     * gzip level 1. docs/performance.md §2.3: level 1 compresses JSON rows about 2.7 times faster than level 6 for about
     * 20 % more bytes. Gzip is the dominant CPU cost of ingestion (2-9 times the cost of serializing a row), while the
     * bytes saved by a higher level rarely matter: the 4 MiB raw limit binds long before the compressed one.
     */
    public static final int DEFAULT_GZIP_LEVEL = 1;
    /** Attempts per request, the first included. */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;
    /**
     * 100 MiB of uncompressed JSON per queued blob: the low end of the 100 MB-1 GB per blob that Kusto's ingestion best
     * practices recommend (https://learn.microsoft.com/kusto/api/netfx/kusto-ingest-best-practices), kept at the low
     * end because each of the {@link #getMaxInFlight()} slots may hold one such blob (raw and gzip) in memory.
     */
    public static final int DEFAULT_MAX_RAW_BLOB_BYTES = 100 * 1024 * 1024;
    /** Rows per queued blob at most. */
    public static final int DEFAULT_MAX_BLOB_ROWS = 2_000_000;
    /**
     * Streaming attempts of a batch in {@link IngestMode#MANAGED} before it goes queued: 3, as Microsoft's managed
     * streaming clients make (https://learn.microsoft.com/kusto/api/get-started/app-managed-streaming-ingest).
     */
    public static final int DEFAULT_MANAGED_STREAMING_ATTEMPTS = 3;
    /**
     * How long a table stays queued after a batch fell back because of throttling: 10 s, the throttle back-off of
     * Microsoft's ingest-v2 managed streaming client.
     */
    public static final Duration DEFAULT_THROTTLE_COOLDOWN = Duration.ofSeconds(10);
    /**
     * How long a table stays queued after streaming was refused as off (policy or cluster): 15 min, the resume time of
     * Microsoft's ingest-v2 managed streaming client.
     */
    public static final Duration DEFAULT_STREAMING_OFF_COOLDOWN = Duration.ofMinutes(15);
    /** Between two reads of the status of queued batches: 10 s, as Microsoft's Go client polls. */
    public static final Duration DEFAULT_STATUS_POLL_INTERVAL = Duration.ofSeconds(10);

    private StreamFormat streamFormat = StreamFormat.MULTI_JSON;
    private int maxRawBatchBytes = DEFAULT_MAX_RAW_BATCH_BYTES;
    private int maxCompressedBatchBytes = DEFAULT_MAX_COMPRESSED_BATCH_BYTES;
    private int maxBatchRows = DEFAULT_MAX_BATCH_ROWS;
    private int gzipLevel = DEFAULT_GZIP_LEVEL;
    private GzipEncoder gzipEncoder = GzipEncoder.ZLIB;
    private int maxInFlight = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration retryBudget = Duration.ofMinutes(2);
    private String clientRequestIdPrefix = "kusto-typed.ingest";
    private IngestListener listener = IngestListener.NONE;
    private Duration lingerTime = Duration.ofSeconds(1);
    private int writeQueueMaxRows = 2 * DEFAULT_MAX_BATCH_ROWS;
    private IngestMode mode = IngestMode.STREAMING;
    private int maxRawBlobBytes = DEFAULT_MAX_RAW_BLOB_BYTES;
    private int maxBlobRows = DEFAULT_MAX_BLOB_ROWS;
    private int managedStreamingAttempts = DEFAULT_MANAGED_STREAMING_ATTEMPTS;
    private Duration throttleCooldown = DEFAULT_THROTTLE_COOLDOWN;
    private Duration streamingOffCooldown = DEFAULT_STREAMING_OFF_COOLDOWN;
    private Duration queuedStatusTimeout = Duration.ZERO;
    private Duration statusPollInterval = DEFAULT_STATUS_POLL_INTERVAL;

    /** The defaults. */
    public IngestOptions() {}

    /** A copy of {@code o}. */
    public IngestOptions(IngestOptions o) {
        this.streamFormat = o.streamFormat;
        this.maxRawBatchBytes = o.maxRawBatchBytes;
        this.maxCompressedBatchBytes = o.maxCompressedBatchBytes;
        this.maxBatchRows = o.maxBatchRows;
        this.gzipLevel = o.gzipLevel;
        this.gzipEncoder = o.gzipEncoder;
        this.maxInFlight = o.maxInFlight;
        this.maxAttempts = o.maxAttempts;
        this.initialBackoff = o.initialBackoff;
        this.maxBackoff = o.maxBackoff;
        this.retryBudget = o.retryBudget;
        this.clientRequestIdPrefix = o.clientRequestIdPrefix;
        this.listener = o.listener;
        this.lingerTime = o.lingerTime;
        this.writeQueueMaxRows = o.writeQueueMaxRows;
        this.mode = o.mode;
        this.maxRawBlobBytes = o.maxRawBlobBytes;
        this.maxBlobRows = o.maxBlobRows;
        this.managedStreamingAttempts = o.managedStreamingAttempts;
        this.throttleCooldown = o.throttleCooldown;
        this.streamingOffCooldown = o.streamingOffCooldown;
        this.queuedStatusTimeout = o.queuedStatusTimeout;
        this.statusPollInterval = o.statusPollInterval;
    }

    /** How batches are sent: {@link IngestMode#STREAMING} by default. */
    public IngestMode getMode() {
        return mode;
    }

    /** Sets how batches are sent (streaming, queued, or managed: streaming with a queued fallback). */
    public IngestOptions setMode(IngestMode mode) {
        this.mode = Objects.requireNonNull(mode, "mode");
        return this;
    }

    /**
     * The most uncompressed JSON bytes in one queued blob ({@link IngestMode#QUEUED}, and {@link IngestMode#MANAGED}
     * while a table is cooling down). Each of the {@link #getMaxInFlight()} slots may then hold up to this many bytes
     * plus their gzip form.
     */
    public int getMaxRawBlobBytes() {
        return maxRawBlobBytes;
    }

    /** Sets the most uncompressed JSON bytes in one queued blob (at least 1 KiB). */
    public IngestOptions setMaxRawBlobBytes(int maxRawBlobBytes) {
        this.maxRawBlobBytes = atLeast(maxRawBlobBytes, 1024, "maxRawBlobBytes");
        return this;
    }

    /** The most rows in one queued blob. */
    public int getMaxBlobRows() {
        return maxBlobRows;
    }

    /** Sets the most rows in one queued blob. */
    public IngestOptions setMaxBlobRows(int maxBlobRows) {
        this.maxBlobRows = atLeast(maxBlobRows, 1, "maxBlobRows");
        return this;
    }

    /** In {@link IngestMode#MANAGED}: streaming attempts of a batch (transient failures) before it goes queued. */
    public int getManagedStreamingAttempts() {
        return managedStreamingAttempts;
    }

    /** Sets the streaming attempts of a batch in managed mode, the first included. */
    public IngestOptions setManagedStreamingAttempts(int managedStreamingAttempts) {
        this.managedStreamingAttempts = atLeast(managedStreamingAttempts, 1, "managedStreamingAttempts");
        return this;
    }

    /** In {@link IngestMode#MANAGED}: how long a table stays queued after a batch fell back because of throttling. */
    public Duration getThrottleCooldown() {
        return throttleCooldown;
    }

    /** Sets the throttling cool-down of managed mode. */
    public IngestOptions setThrottleCooldown(Duration throttleCooldown) {
        this.throttleCooldown = nonNegative(throttleCooldown, "throttleCooldown");
        return this;
    }

    /** In {@link IngestMode#MANAGED}: how long a table stays queued after streaming was refused as off. */
    public Duration getStreamingOffCooldown() {
        return streamingOffCooldown;
    }

    /** Sets the streaming-off cool-down of managed mode. */
    public IngestOptions setStreamingOffCooldown(Duration streamingOffCooldown) {
        this.streamingOffCooldown = nonNegative(streamingOffCooldown, "streamingOffCooldown");
        return this;
    }

    /**
     * How long an ingest call waits for the outcome of its queued batches; {@link Duration#ZERO} (the default) does
     * not wait: a queued batch counts as landed once its message is in the queue, and Kusto reports a later failure
     * only to its failure queue. When positive, queued messages ask Kusto to record every outcome in the ingestion
     * status table, and the call polls it (every {@link #getStatusPollInterval()}) until each batch succeeded or
     * failed: a failed batch's rows are then listed in {@link IngestResult#failures()}, and batches still pending when
     * the time is up are listed as possibly ingested.
     */
    public Duration getQueuedStatusTimeout() {
        return queuedStatusTimeout;
    }

    /** Sets how long a call waits for the outcome of its queued batches (zero: does not track them). */
    public IngestOptions setQueuedStatusTimeout(Duration queuedStatusTimeout) {
        this.queuedStatusTimeout = nonNegative(queuedStatusTimeout, "queuedStatusTimeout");
        return this;
    }

    /** Between two reads of the ingestion status table while waiting for queued batches. */
    public Duration getStatusPollInterval() {
        return statusPollInterval;
    }

    /** Sets the status poll interval. */
    public IngestOptions setStatusPollInterval(Duration statusPollInterval) {
        this.statusPollInterval = KustoClientOptions.positive(statusPollInterval, "statusPollInterval");
        return this;
    }

    /** The {@code streamFormat}; {@link StreamFormat#MULTI_JSON} by default (fails loudly on a malformed record). */
    public StreamFormat getStreamFormat() {
        return streamFormat;
    }

    /** Sets the stream format. */
    public IngestOptions setStreamFormat(StreamFormat streamFormat) {
        this.streamFormat = Objects.requireNonNull(streamFormat, "streamFormat");
        return this;
    }

    /** The most uncompressed JSON bytes in one request. */
    public int getMaxRawBatchBytes() {
        return maxRawBatchBytes;
    }

    /** Sets the most uncompressed JSON bytes in one request (at least 1 KiB). */
    public IngestOptions setMaxRawBatchBytes(int maxRawBatchBytes) {
        this.maxRawBatchBytes = atLeast(maxRawBatchBytes, 1024, "maxRawBatchBytes");
        return this;
    }

    /** The most gzip bytes in one request body. */
    public int getMaxCompressedBatchBytes() {
        return maxCompressedBatchBytes;
    }

    /** Sets the most gzip bytes in one request body (at least 64 bytes). */
    public IngestOptions setMaxCompressedBatchBytes(int maxCompressedBatchBytes) {
        this.maxCompressedBatchBytes = atLeast(maxCompressedBatchBytes, 64, "maxCompressedBatchBytes");
        return this;
    }

    /** The most rows in one request; a {@link KustoWriteStream} also flushes when this many rows are queued. */
    public int getMaxBatchRows() {
        return maxBatchRows;
    }

    /** Sets the most rows in one request. */
    public IngestOptions setMaxBatchRows(int maxBatchRows) {
        this.maxBatchRows = atLeast(maxBatchRows, 1, "maxBatchRows");
        return this;
    }

    /** The gzip level of {@link GzipEncoder#ZLIB}, 1 (fastest) to 9 (smallest). */
    public int getGzipLevel() {
        return gzipLevel;
    }

    /** Sets the gzip level (1-9; see {@link #DEFAULT_GZIP_LEVEL} for why the default is 1). */
    public IngestOptions setGzipLevel(int gzipLevel) {
        if (gzipLevel < 1 || gzipLevel > 9) {
            throw new IllegalArgumentException("gzipLevel must be 1..9, was " + gzipLevel);
        }
        this.gzipLevel = gzipLevel;
        return this;
    }

    /** Which encoder compresses request bodies: {@link GzipEncoder#ZLIB} (at {@link #getGzipLevel()}) by default. */
    public GzipEncoder getGzipEncoder() {
        return gzipEncoder;
    }

    /**
     * Sets which encoder compresses request bodies and queued blobs. {@link GzipEncoder#JSON_LINES} spends less
     * client CPU per row than zlib at level 1 and writes fewer bytes on typical JSON rows; the gzip level does not
     * apply to it.
     */
    public IngestOptions setGzipEncoder(GzipEncoder gzipEncoder) {
        this.gzipEncoder = Objects.requireNonNull(gzipEncoder, "gzipEncoder");
        return this;
    }

    /**
     * The most batches alive at once per ingestor (being filled, compressed or sent). Memory held by an ingestor
     * is at most {@code maxInFlight * (maxRawBatchBytes + maxCompressedBatchBytes)}, whatever the input size; for
     * queued batches (blobs), {@code maxRawBatchBytes} is {@link #getMaxRawBlobBytes()} and the gzip part is the
     * blob's size.
     */
    public int getMaxInFlight() {
        return maxInFlight;
    }

    /** Sets the most batches alive at once. */
    public IngestOptions setMaxInFlight(int maxInFlight) {
        this.maxInFlight = atLeast(maxInFlight, 1, "maxInFlight");
        return this;
    }

    /** Attempts per request, the first included; transient failures only are retried. */
    public int getMaxAttempts() {
        return maxAttempts;
    }

    /** Sets the attempts per request (1 = no retry). */
    public IngestOptions setMaxAttempts(int maxAttempts) {
        this.maxAttempts = atLeast(maxAttempts, 1, "maxAttempts");
        return this;
    }

    /** The backoff cap before the first retry; it doubles each retry, with full jitter. */
    public Duration getInitialBackoff() {
        return initialBackoff;
    }

    /** Sets the initial backoff. */
    public IngestOptions setInitialBackoff(Duration initialBackoff) {
        this.initialBackoff = nonNegative(initialBackoff, "initialBackoff");
        return this;
    }

    /** The largest backoff between two attempts. */
    public Duration getMaxBackoff() {
        return maxBackoff;
    }

    /** Sets the largest backoff. */
    public IngestOptions setMaxBackoff(Duration maxBackoff) {
        this.maxBackoff = nonNegative(maxBackoff, "maxBackoff");
        return this;
    }

    /** The total time one batch may spend being retried; no retry starts after it. */
    public Duration getRetryBudget() {
        return retryBudget;
    }

    /** Sets the retry time budget per batch. */
    public IngestOptions setRetryBudget(Duration retryBudget) {
        this.retryBudget = nonNegative(retryBudget, "retryBudget");
        return this;
    }

    /** The prefix of {@code x-ms-client-request-id} values: {@code <prefix>;<uuid>}. */
    public String getClientRequestIdPrefix() {
        return clientRequestIdPrefix;
    }

    /** Sets the client request id prefix (no {@code ;}). */
    public IngestOptions setClientRequestIdPrefix(String clientRequestIdPrefix) {
        Objects.requireNonNull(clientRequestIdPrefix, "clientRequestIdPrefix");
        if (clientRequestIdPrefix.indexOf(';') >= 0) {
            throw new IllegalArgumentException("clientRequestIdPrefix must not contain ';': " + clientRequestIdPrefix);
        }
        this.clientRequestIdPrefix = clientRequestIdPrefix;
        return this;
    }

    /** The per-request listener. */
    public IngestListener getListener() {
        return listener;
    }

    /** Sets the per-request listener. */
    public IngestOptions setListener(IngestListener listener) {
        this.listener = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /** How long a {@link KustoWriteStream} keeps a row before flushing, when fewer than a batch are queued. */
    public Duration getLingerTime() {
        return lingerTime;
    }

    /** Sets the linger time of write streams. */
    public IngestOptions setLingerTime(Duration lingerTime) {
        this.lingerTime = KustoClientOptions.positive(lingerTime, "lingerTime");
        return this;
    }

    /** Rows a {@link KustoWriteStream} holds (queued or in flight) before {@code writeQueueFull()} says so. */
    public int getWriteQueueMaxRows() {
        return writeQueueMaxRows;
    }

    /** Sets the write queue size of write streams, in rows. */
    public IngestOptions setWriteQueueMaxRows(int writeQueueMaxRows) {
        this.writeQueueMaxRows = atLeast(writeQueueMaxRows, 1, "writeQueueMaxRows");
        return this;
    }

    private static int atLeast(int v, int min, String name) {
        if (v < min) {
            throw new IllegalArgumentException(name + " must be at least " + min + ", was " + v);
        }
        return v;
    }

    private static Duration nonNegative(Duration d, String name) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + " must not be negative, was " + d);
        }
        return d;
    }
}
