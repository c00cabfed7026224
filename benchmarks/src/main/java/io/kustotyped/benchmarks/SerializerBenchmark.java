package io.kustotyped.benchmarks;

import com.alibaba.fastjson2.JSON;
import com.alibaba.fastjson2.JSONWriter;
import com.dslplatform.json.DslJson;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import io.avaje.jsonb.JsonType;
import io.avaje.jsonb.Jsonb;
import io.kustotyped.runtime.json.JsonOutput;
import io.kustotyped.runtime.json.JsonRowWriter;
import io.kustotyped.runtime.json.StringInternalsLever;
import io.kustotyped.runtime.json.WriterLevers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Serializing {@link LogRow}s to JSON lines, side by side: the generated {@code LogRowJsonWriter}, a hand-written
 * writer of the same shape, three Jackson set-ups, DSL-JSON, fastjson2 and avaje-jsonb. Every invocation writes {@value #ROWS} distinct rows into a reused buffer and
 * counts as {@value #ROWS} operations, so scores are <b>ns per row</b> and {@code gc.alloc.rate.norm} (with
 * {@code -prof gc}) is bytes per {@value #ROWS} rows. {@link #verifySameJson()} fails the run before measuring if
 * any variant writes different JSON than the others.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SerializerBenchmark {

    /** Rows per invocation; all distinct. */
    public static final int ROWS = 1024;

    private static final DateTimeFormatter KUSTO_DATETIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSS'Z'").withZone(ZoneOffset.UTC);

    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializedString LEVEL = new SerializedString("level");
    private static final SerializedString HOST = new SerializedString("host");
    private static final SerializedString SERVICE = new SerializedString("service");
    private static final SerializedString TRACE_ID = new SerializedString("traceId");
    private static final SerializedString MESSAGE = new SerializedString("message");
    private static final SerializedString DURATION_MICROS = new SerializedString("durationMicros");
    private static final SerializedString BYTES = new SerializedString("bytes");
    private static final SerializedString CPU = new SerializedString("cpu");
    private static final SerializedString LATENCY_MS = new SerializedString("latencyMs");

    private LogRow[] rows;
    private JsonOutput out;
    private ByteSink sink;
    private ObjectMapper mapper;
    private ObjectWriter lineWriter;
    private JsonFactory factory;
    private com.dslplatform.json.JsonWriter dslWriter;
    private com.dslplatform.json.JsonWriter.WriteObject<LogRow> dslRowWriter;
    private JSONWriter fastWriter;
    private com.alibaba.fastjson2.writer.ObjectWriter<?> fastRowWriter;
    private JsonType<LogRow> avajeType;

    /**
     * Jackson writes an {@link Instant} the way Kusto wants it ({@code yyyy-MM-ddTHH:mm:ss.fffffffZ}, docs/kusto-rules.md
     * §4.2) through this serializer, as a user would configure it, so that all variants write the same JSON.
     */
    static final class KustoInstantSerializer extends StdSerializer<Instant> {
        private static final long serialVersionUID = 1L;

        KustoInstantSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(KUSTO_DATETIME.format(value));
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        rows = LogRows.generate(ROWS, 2026);
        out = new JsonOutput(1 << 20);
        sink = new ByteSink();
        mapper = new ObjectMapper().registerModule(new SimpleModule().addSerializer(new KustoInstantSerializer()));
        lineWriter = mapper.writer().withRootValueSeparator("\n");
        factory = mapper.getFactory();
        // DSL-JSON: the converters its processor generated for @CompiledJson LogRow and the @JsonConverter
        // DslJsonKustoInstant, found through the service loader; one writer over a reused 1 MiB array.
        DslJson<Object> dsl = new DslJson<>();
        dslRowWriter = Objects.requireNonNull(dsl.tryFindWriter(LogRow.class), "no DSL-JSON writer for LogRow");
        dslWriter = dsl.newWriter(new byte[1 << 20]);
        // fastjson2: Instant in Kusto's format, registered before LogRow's writer is built.
        JSON.register(Instant.class, (com.alibaba.fastjson2.writer.ObjectWriter<Instant>)
                (w, value, fieldName, fieldType, features) -> w.writeRaw(KustoInstantText.quoted((Instant) value)));
        fastWriter = JSONWriter.ofUTF8();
        fastRowWriter = fastWriter.getObjectWriter(LogRow.class);
        // avaje-jsonb: the adapter its generator wrote for @Json LogRow, with the Kusto Instant adapter.
        avajeType = Jsonb.builder()
                .add(Instant.class, new AvajeKustoInstantAdapter())
                .build()
                .type(LogRow.class);
        verifySameJson();
    }

    // ------------------------------------------------------------------ variants

    /** The writer the processor generates for {@link LogRow}, into a reused {@link JsonOutput}. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int generated() {
        return writeAll(LogRowJsonWriter.INSTANCE);
    }

    /** A hand-written writer of the generated shape: the bound the generated code should be within. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int handWritten_directBytes() {
        return writeAll(HandWrittenLogRowWriter.INSTANCE);
    }

    /** Lever probe: the datetime's date recomputed per row, as before the kept date lever ({@link WriterLevers}). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int lever_dateRecomputed() {
        return writeAll(WriterLevers.DATE_RECOMPUTED);
    }

    /** Lever probe: one capacity check per row ({@link WriterLevers}). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int lever_oneReserve() {
        return writeAll(WriterLevers.ONE_RESERVE);
    }

    /** Lever probe: comparisons instead of the escape table in the string fast path ({@link WriterLevers}). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int lever_compareEscapes() {
        return writeAll(WriterLevers.COMPARE_ESCAPES);
    }

    /** Lever probe: strings through {@code String.getChars} into a scratch array ({@link WriterLevers}). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int lever_getChars() {
        return writeAll(WriterLevers.GET_CHARS);
    }

    /** Lever probe: strings checked in one branch-free pass, then copied ({@link WriterLevers}). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int lever_twoPass() {
        return writeAll(WriterLevers.TWO_PASS);
    }

    /**
     * Lever probe: Latin-1 strings bulk-copied from {@code String}'s internal bytes through {@code Unsafe}, as
     * fastjson2 does ({@link StringInternalsLever}; not shippable, it measures what bounds the shipped writer).
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int lever_stringInternals() {
        return writeAll(StringInternalsLever.WRITER);
    }

    private int writeAll(JsonRowWriter<LogRow> writer) {
        JsonOutput o = out;
        o.reset();
        for (LogRow row : rows) {
            writer.write(row, o);
            o.rawByte('\n');
        }
        return o.size();
    }

    /** What most users write: {@code ObjectMapper.writeValue} per row (a new generator each time). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int jackson_writeValue_perRow() throws IOException {
        ByteSink s = sink;
        s.reset();
        for (LogRow row : rows) {
            mapper.writeValue(s, row);
            s.write('\n');
        }
        return s.size();
    }

    /** Jackson's best practice for many values: one {@link SequenceWriter} per batch. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int jackson_sequenceWriter() throws IOException {
        ByteSink s = sink;
        s.reset();
        try (SequenceWriter w = lineWriter.writeValues(s)) {
            for (LogRow row : rows) {
                w.write(row);
            }
        }
        s.write('\n');
        return s.size();
    }

    /** A hand-written {@link JsonGenerator} loop with pre-built {@link SerializedString} names. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int jackson_handGenerator() throws IOException {
        ByteSink s = sink;
        s.reset();
        try (JsonGenerator g = factory.createGenerator(s)) {
            for (LogRow row : rows) {
                g.writeStartObject();
                g.writeFieldName(TIMESTAMP);
                g.writeString(KUSTO_DATETIME.format(row.timestamp()));
                g.writeFieldName(LEVEL);
                g.writeString(row.level());
                g.writeFieldName(HOST);
                g.writeString(row.host());
                g.writeFieldName(SERVICE);
                g.writeString(row.service());
                g.writeFieldName(TRACE_ID);
                g.writeString(row.traceId());
                g.writeFieldName(MESSAGE);
                g.writeString(row.message());
                g.writeFieldName(DURATION_MICROS);
                g.writeNumber(row.durationMicros());
                g.writeFieldName(BYTES);
                g.writeNumber(row.bytes());
                g.writeFieldName(CPU);
                g.writeNumber(row.cpu());
                g.writeFieldName(LATENCY_MS);
                g.writeNumber(row.latencyMs());
                g.writeEndObject();
                g.writeRaw('\n');
            }
        }
        return s.size();
    }

    /** DSL-JSON 2.0.2: its generated {@code @CompiledJson} converter into one reused {@code JsonWriter}. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int dslJson_compiled() {
        com.dslplatform.json.JsonWriter w = dslWriter;
        com.dslplatform.json.JsonWriter.WriteObject<LogRow> rowWriter = dslRowWriter;
        w.reset();
        for (LogRow row : rows) {
            rowWriter.write(w, row);
            w.writeByte((byte) '\n');
        }
        return w.size();
    }

    /** fastjson2 2.0.60: LogRow's {@code ObjectWriter} into one reused UTF-8 {@link JSONWriter}, flushed per batch. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int fastjson2_oneWriter() throws IOException {
        ByteSink s = sink;
        s.reset();
        JSONWriter w = fastWriter;
        com.alibaba.fastjson2.writer.ObjectWriter<?> rowWriter = fastRowWriter;
        for (LogRow row : rows) {
            rowWriter.write(w, row, null, null, 0);
            w.writeRaw('\n');
        }
        w.flushTo(s);
        return s.size();
    }

    /** fastjson2 2.0.60 as its README shows it: {@code JSON.toJSONBytes(row)} per row. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int fastjson2_toJSONBytes_perRow() {
        ByteSink s = sink;
        s.reset();
        for (LogRow row : rows) {
            byte[] b = JSON.toJSONBytes(row);
            s.write(b, 0, b.length);
            s.write('\n');
        }
        return s.size();
    }

    /** avaje-jsonb 3.8: its generated adapter, {@code JsonType.toJson(row, OutputStream)} per row. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public int avajeJsonb_perRow() {
        ByteSink s = sink;
        s.reset();
        JsonType<LogRow> type = avajeType;
        for (LogRow row : rows) {
            type.toJson(row, s);
            s.write('\n');
        }
        return s.size();
    }

    // ------------------------------------------------------------------ the fairness check

    /**
     * Runs every variant once and compares the parsed JSON of every row (doubles bit-exact, strings exact,
     * timestamps as the same 7-digit Kusto string); throws if any variant differs from the hand-written writer.
     */
    void verifySameJson() throws IOException {
        Map<String, List<JsonNode>> outputs = new LinkedHashMap<>();
        generated();
        outputs.put("generated", parseLines(out.toByteArray()));
        handWritten_directBytes();
        outputs.put("handWritten_directBytes", parseLines(out.toByteArray()));
        // The lever probes must write generated's bytes exactly, not only the same values.
        generated();
        byte[] generatedBytes = out.toByteArray();
        lever_dateRecomputed();
        requireSameBytes("lever_dateRecomputed", generatedBytes);
        lever_oneReserve();
        requireSameBytes("lever_oneReserve", generatedBytes);
        lever_compareEscapes();
        requireSameBytes("lever_compareEscapes", generatedBytes);
        lever_getChars();
        requireSameBytes("lever_getChars", generatedBytes);
        lever_twoPass();
        requireSameBytes("lever_twoPass", generatedBytes);
        lever_stringInternals();
        requireSameBytes("lever_stringInternals", generatedBytes);
        jackson_writeValue_perRow();
        outputs.put("jackson_writeValue_perRow", parseLines(sink.toByteArray()));
        jackson_sequenceWriter();
        outputs.put("jackson_sequenceWriter", parseLines(sink.toByteArray()));
        jackson_handGenerator();
        outputs.put("jackson_handGenerator", parseLines(sink.toByteArray()));
        // The reused-writer variants run twice: a writer that kept the first batch would show 2,048 lines.
        dslJson_compiled();
        dslJson_compiled();
        outputs.put("dslJson_compiled", parseLines(Arrays.copyOf(dslWriter.getByteBuffer(), dslWriter.size())));
        fastjson2_oneWriter();
        fastjson2_oneWriter();
        outputs.put("fastjson2_oneWriter", parseLines(sink.toByteArray()));
        fastjson2_toJSONBytes_perRow();
        outputs.put("fastjson2_toJSONBytes_perRow", parseLines(sink.toByteArray()));
        avajeJsonb_perRow();
        outputs.put("avajeJsonb_perRow", parseLines(sink.toByteArray()));

        List<JsonNode> reference = outputs.get("handWritten_directBytes");
        for (Map.Entry<String, List<JsonNode>> e : outputs.entrySet()) {
            List<JsonNode> lines = e.getValue();
            if (lines.size() != ROWS) {
                throw new IllegalStateException(e.getKey() + " wrote " + lines.size() + " lines, expected " + ROWS);
            }
            for (int i = 0; i < ROWS; i++) {
                if (!reference.get(i).equals(lines.get(i))) {
                    throw new IllegalStateException(e.getKey() + " differs at row " + i + ":\n  " + lines.get(i)
                            + "\nvs handWritten_directBytes:\n  " + reference.get(i));
                }
                if (lines.get(i).size() != 10) {
                    throw new IllegalStateException(
                            e.getKey() + " row " + i + " has " + lines.get(i).size() + " fields: " + lines.get(i));
                }
            }
        }
    }

    private void requireSameBytes(String variant, byte[] expected) {
        if (!Arrays.equals(expected, out.toByteArray())) {
            throw new IllegalStateException(variant + " does not write the same bytes as generated");
        }
    }

    private List<JsonNode> parseLines(byte[] bytes) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                nodes.add(mapper.readTree(line));
            }
        }
        return nodes;
    }
}
