package io.kustotyped.benchmarks;

import io.kustotyped.runtime.json.JsonOutput;
import io.kustotyped.runtime.json.JsonRowWriter;
import java.nio.charset.StandardCharsets;

/**
 * A hand-written writer in the shape the processor generates (pre-encoded name prefixes, one
 * {@link JsonOutput} call per value): the benchmark's lower bound for what generated code can reach.
 */
final class HandWrittenLogRowWriter implements JsonRowWriter<LogRow> {

    static final HandWrittenLogRowWriter INSTANCE = new HandWrittenLogRowWriter();

    private static final byte[] TIMESTAMP = bytes("{\"timestamp\":");
    private static final byte[] LEVEL = bytes(",\"level\":");
    private static final byte[] HOST = bytes(",\"host\":");
    private static final byte[] SERVICE = bytes(",\"service\":");
    private static final byte[] TRACE_ID = bytes(",\"traceId\":");
    private static final byte[] MESSAGE = bytes(",\"message\":");
    private static final byte[] DURATION_MICROS = bytes(",\"durationMicros\":");
    private static final byte[] BYTES = bytes(",\"bytes\":");
    private static final byte[] CPU = bytes(",\"cpu\":");
    private static final byte[] LATENCY_MS = bytes(",\"latencyMs\":");

    private HandWrittenLogRowWriter() {}

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void write(LogRow row, JsonOutput out) {
        out.raw(TIMESTAMP);
        out.datetime(row.timestamp());
        out.raw(LEVEL);
        out.string(row.level());
        out.raw(HOST);
        out.string(row.host());
        out.raw(SERVICE);
        out.string(row.service());
        out.raw(TRACE_ID);
        out.string(row.traceId());
        out.raw(MESSAGE);
        out.string(row.message());
        out.raw(DURATION_MICROS);
        out.number(row.durationMicros());
        out.raw(BYTES);
        out.number(row.bytes());
        out.raw(CPU);
        out.number(row.cpu());
        out.raw(LATENCY_MS);
        out.number(row.latencyMs());
        out.rawByte('}');
    }
}
