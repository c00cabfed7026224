package io.kustotyped.emulator;

/**
 * Size limits of a streaming ingest request (docs/kusto-rules.md §1.3). Exceeding either gives 413
 * {@code Stream_InputStreamTooLarge}.
 *
 * @param maxRequestBytes the largest body on the wire, compressed or not (default 10 MiB)
 * @param maxDataBytes the largest uncompressed data (default 4 MiB)
 */
public record IngestLimits(long maxRequestBytes, long maxDataBytes) {
    /** The documented limits: 10 MiB on the wire, 4 MiB of data. */
    public static final IngestLimits DEFAULT = new IngestLimits(10L * 1024 * 1024, 4L * 1024 * 1024);

    /** Checks both limits are positive. */
    public IngestLimits {
        if (maxRequestBytes <= 0 || maxDataBytes <= 0) {
            throw new IllegalArgumentException("ingest limits must be positive");
        }
    }
}
