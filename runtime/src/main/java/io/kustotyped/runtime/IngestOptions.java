package io.kustotyped.runtime;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link TableIngestor}: request format, batch limits, compression, concurrency and retries.
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

    private StreamFormat streamFormat = StreamFormat.MULTI_JSON;
    private int maxRawBatchBytes = DEFAULT_MAX_RAW_BATCH_BYTES;
    private int maxCompressedBatchBytes = DEFAULT_MAX_COMPRESSED_BATCH_BYTES;
    private int maxBatchRows = DEFAULT_MAX_BATCH_ROWS;
    private int gzipLevel = DEFAULT_GZIP_LEVEL;
    private int maxInFlight = Math.max(2, Runtime.getRuntime().availableProcessors());
    private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
    private Duration initialBackoff = Duration.ofMillis(500);
    private Duration maxBackoff = Duration.ofSeconds(30);
    private Duration retryBudget = Duration.ofMinutes(2);
    private String clientRequestIdPrefix = "kusto-typed.ingest";
    private IngestListener listener = IngestListener.NONE;
    private Duration lingerTime = Duration.ofSeconds(1);
    private int writeQueueMaxRows = 2 * DEFAULT_MAX_BATCH_ROWS;

    /** The defaults. */
    public IngestOptions() {}

    /** A copy of {@code o}. */
    public IngestOptions(IngestOptions o) {
        this.streamFormat = o.streamFormat;
        this.maxRawBatchBytes = o.maxRawBatchBytes;
        this.maxCompressedBatchBytes = o.maxCompressedBatchBytes;
        this.maxBatchRows = o.maxBatchRows;
        this.gzipLevel = o.gzipLevel;
        this.maxInFlight = o.maxInFlight;
        this.maxAttempts = o.maxAttempts;
        this.initialBackoff = o.initialBackoff;
        this.maxBackoff = o.maxBackoff;
        this.retryBudget = o.retryBudget;
        this.clientRequestIdPrefix = o.clientRequestIdPrefix;
        this.listener = o.listener;
        this.lingerTime = o.lingerTime;
        this.writeQueueMaxRows = o.writeQueueMaxRows;
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

    /** The gzip level, 1 (fastest) to 9 (smallest). */
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

    /**
     * The most batches alive at once per ingestor (being filled, compressed or sent). Memory held by an ingestor
     * is at most {@code maxInFlight * (maxRawBatchBytes + maxCompressedBatchBytes)}, whatever the input size.
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
