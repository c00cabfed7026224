package io.kustotyped.it.ingest;

import io.kustotyped.annotations.KustoTable;
import java.time.Instant;

/** A small log row for the fault, batching and memory tests. */
@KustoTable(name = "Logs", database = "Test")
public record LogEvent(long seq, Instant at, String level, String message) {

    static LogEvent of(long seq, int messageLength) {
        StringBuilder sb = new StringBuilder(messageLength);
        long x = seq * 0x9E3779B97F4A7C15L + 1;
        while (sb.length() < messageLength) {
            x ^= x << 13;
            x ^= x >>> 7;
            x ^= x << 17;
            sb.append((char) ('a' + (int) ((x >>> 40) % 26)));
        }
        return new LogEvent(
                seq, Instant.ofEpochSecond(1_700_000_000L + seq), seq % 10 == 0 ? "WARN" : "INFO", sb.toString());
    }
}
