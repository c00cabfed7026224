package io.kustotyped.benchmarks;

import com.dslplatform.json.CompiledJson;
import io.avaje.jsonb.Json;
import io.kustotyped.annotations.KustoTable;
import java.time.Instant;

/**
 * The benchmark's row: a typical 10-field log line (an instant, five strings, two longs, two doubles). The
 * processor generates {@code LogRowJsonWriter} for it, the writer under test; DSL-JSON's processor
 * ({@code @CompiledJson}) and avaje-jsonb's generator ({@code @Json}) generate the peers' writers.
 *
 * @param timestamp when the event happened
 * @param level severity
 * @param host emitting host
 * @param service emitting service
 * @param traceId 32 hex digits
 * @param message free text; some rows need escapes, about 1% are non-ASCII
 * @param durationMicros request duration
 * @param bytes response size
 * @param cpu CPU share
 * @param latencyMs latency in milliseconds
 */
@KustoTable(name = "Logs")
@CompiledJson
@Json
public record LogRow(
        Instant timestamp,
        String level,
        String host,
        String service,
        String traceId,
        String message,
        long durationMicros,
        long bytes,
        double cpu,
        double latencyMs) {}
