package io.kustotyped.runtime;

/**
 * Which DEFLATE encoder writes the gzip request bodies ({@link IngestOptions#setGzipEncoder}). Both produce standard
 * gzip (RFC 1952) that Kusto, and any gzip reader, accepts; they differ only in client CPU and bytes.
 */
public enum GzipEncoder {
    /** The JDK's {@link java.util.zip.Deflater} (zlib) at {@link IngestOptions#getGzipLevel()}. The default. */
    ZLIB,
    /**
     * kusto-typed's pure-Java encoder for JSON lines: greedy matching that finds a row's keys one row back, and
     * Huffman codes fitted per block. On the benchmark's log rows it took about 2.3-2.8 times less CPU than zlib level
     * 1 for about 6 % fewer bytes (benchmarks/README.md, {@code GzipBenchmark}). It has no levels:
     * {@link IngestOptions#getGzipLevel()} is ignored.
     */
    JSON_LINES
}
