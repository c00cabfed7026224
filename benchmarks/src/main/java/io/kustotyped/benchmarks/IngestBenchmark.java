package io.kustotyped.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.microsoft.azure.kusto.data.auth.CloudInfo;
import com.microsoft.azure.kusto.data.auth.ConnectionStringBuilder;
import com.microsoft.azure.kusto.ingest.IngestClientFactory;
import com.microsoft.azure.kusto.ingest.IngestionMapping;
import com.microsoft.azure.kusto.ingest.IngestionProperties;
import com.microsoft.azure.kusto.ingest.StreamingIngestClient;
import com.microsoft.azure.kusto.ingest.result.IngestionResult;
import com.microsoft.azure.kusto.ingest.source.StreamSourceInfo;
import io.kustotyped.runtime.IngestOptions;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.vertx.core.Vertx;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import reactor.core.publisher.Mono;

/**
 * End to end, side by side: {@value #ROWS} distinct {@link LogRow}s per invocation go from objects to a gzip body
 * answered by a {@link LoopbackSink} on 127.0.0.1, through the generated {@code LogRowIngestor} (gzip level 1, the
 * default, and level 6) and through Jackson plus the official SDK's {@link StreamingIngestClient} (level 6, fixed).
 * Every invocation counts as {@value #ROWS} operations, so scores are <b>ns per row</b> of wall time until the
 * batch is acknowledged. The sink runs in the same JVM on its own Vert.x instance. {@link #verifyBodies()} fails
 * the run before measuring unless every variant sent a gzip body of exactly {@value #ROWS} JSON lines, the same rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class IngestBenchmark {

    /** Rows per invocation (one request: ~3.7 MB of JSON, under the 4 MiB raw limit); all distinct. */
    public static final int ROWS = 10_000;
    /** The database every variant writes to; the table is {@code Logs}, from {@link LogRow}'s annotation. */
    static final String DATABASE = "Bench";

    private LoopbackSink sink;
    private Vertx clientVertx;
    private KustoClient client;
    private LogRowIngestor gzip1;
    private LogRowIngestor gzip6;
    private SelfSignedTls certificate;
    private LoopbackSink tlsSink;
    private KustoClient tlsClient;
    private LogRowIngestor tlsGzip1;
    private List<LogRow> rows;
    private ObjectMapper mapper;
    private ByteArrayOutputStream json;
    private StreamingIngestClient sdk;
    private IngestionProperties sdkProperties;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        sink = LoopbackSink.start();
        rows = List.of(LogRows.generate(ROWS, 2026));

        clientVertx = Vertx.vertx();
        client = KustoClient.create(clientVertx, new KustoClientOptions().setClusterUrl(sink.url()));
        gzip1 = LogRowIngestor.create(client, DATABASE);
        gzip6 = LogRowIngestor.create(client, DATABASE, new IngestOptions().setGzipLevel(6));

        // The same sink over HTTPS with a self-signed certificate for 127.0.0.1, trusted through the options (host
        // name and dates still checked); same client Vert.x, its own KustoClient (its own connection pool).
        certificate = SelfSignedTls.generate();
        tlsSink = LoopbackSink.startTls(certificate);
        tlsClient = KustoClient.create(
                clientVertx,
                new KustoClientOptions()
                        .setClusterUrl(tlsSink.url())
                        .setTrustStore(certificate.certificatePem(), null));
        tlsGzip1 = LogRowIngestor.create(tlsClient, DATABASE);

        mapper = new ObjectMapper()
                .registerModule(new SimpleModule().addSerializer(new SerializerBenchmark.KustoInstantSerializer()));
        json = new ByteArrayOutputStream(4 << 20);
        // No credentials: the SDK then sends no Authorization header and accepts plain http; the cached cloud info
        // spares it the /v1/rest/auth/metadata call (docs/performance.md §3.3).
        CloudInfo.manuallyAddToCache(sink.url(), Mono.just(CloudInfo.DEFAULT_CLOUD));
        sdk = IngestClientFactory.createStreamingIngestClient(new ConnectionStringBuilder("Data Source=" + sink.url()));
        sdkProperties = new IngestionProperties(DATABASE, LogRowKustoSchema.INSTANCE.tableName());
        sdkProperties.setDataFormat(IngestionProperties.DataFormat.MULTIJSON);
        sdkProperties.setIngestionMapping(LogRowKustoSchema.MAPPING_NAME, IngestionMapping.IngestionMappingKind.JSON);

        verifyBodies();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        sdk.close();
        tlsClient.close().await(30, TimeUnit.SECONDS);
        client.close().await(30, TimeUnit.SECONDS);
        clientVertx.close().await(30, TimeUnit.SECONDS);
        sink.close();
        tlsSink.close();
        certificate.delete();
    }

    // ------------------------------------------------------------------ variants

    /** The generated ingestor with the default options (gzip level 1). */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public IngestResult kustoTyped_gzip1() throws Exception {
        return gzip1.ingest(rows).await(60, TimeUnit.SECONDS);
    }

    /**
     * {@link #kustoTyped_gzip1} against the same sink served over HTTPS (Vert.x's default engine, the JDK's
     * {@code SSLEngine}; an EC P-256 certificate): what TLS costs. Connections are pooled, so the handshake is paid
     * once, not per batch.
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public IngestResult kustoTyped_gzip1_tls() throws Exception {
        return tlsGzip1.ingest(rows).await(60, TimeUnit.SECONDS);
    }

    /** The generated ingestor at gzip level 6, the SDK's level: separates the gzip choice from the rest. */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public IngestResult kustoTyped_gzip6() throws Exception {
        return gzip6.ingest(rows).await(60, TimeUnit.SECONDS);
    }

    /**
     * What an SDK user writes: {@code ObjectMapper.writeValue} per row plus {@code '\n'} into a (reused, presized)
     * {@link ByteArrayOutputStream}, then {@link StreamingIngestClient#ingestFromStream} with format multijson and a
     * mapping reference; the SDK gzips at level 6.
     */
    @Benchmark
    @OperationsPerInvocation(ROWS)
    public IngestionResult sdk_streamingIngestClient() throws Exception {
        ByteArrayOutputStream out = json;
        out.reset();
        for (LogRow row : rows) {
            mapper.writeValue(out, row);
            out.write('\n');
        }
        return sdk.ingestFromStream(new StreamSourceInfo(new ByteArrayInputStream(out.toByteArray())), sdkProperties);
    }

    // ------------------------------------------------------------------ the fairness check

    /** A variant run once for {@link #verifyBodies()}. */
    @FunctionalInterface
    interface Variant {
        Object run() throws Exception;
    }

    /**
     * Sends one batch through each variant and checks what the sink received: one ingest request to
     * {@code /v1/rest/ingest/Bench/Logs} naming the mapping, {@code Content-Encoding: gzip}, a body that gunzips to
     * exactly {@value #ROWS} lines, each a 10-field JSON object, the same rows in the same order for every variant
     * (compared parsed, as in {@link SerializerBenchmark}). Throws otherwise.
     */
    void verifyBodies() throws Exception {
        String[] names = {"kustoTyped_gzip1", "kustoTyped_gzip6", "sdk_streamingIngestClient", "kustoTyped_gzip1_tls"};
        Variant[] variants = {
            this::kustoTyped_gzip1, this::kustoTyped_gzip6, this::sdk_streamingIngestClient, this::kustoTyped_gzip1_tls
        };
        LoopbackSink[] sinks = {sink, sink, sink, tlsSink};
        List<JsonNode> reference = null;
        for (int v = 0; v < variants.length; v++) {
            LoopbackSink target = sinks[v];
            long before = target.ingestRequests();
            target.captureNext();
            variants[v].run();
            LoopbackSink.Captured c = target.takeCaptured();
            String name = names[v];
            check((c.tls() != null) == (target == tlsSink), name, "TLS session " + c.tls());
            check(
                    target.ingestRequests() - before == 1,
                    name,
                    "sent " + (target.ingestRequests() - before) + " requests, expected 1");
            check("gzip".equalsIgnoreCase(c.contentEncoding()), name, "Content-Encoding " + c.contentEncoding());
            String uri = c.uri().toLowerCase(Locale.ROOT);
            check(
                    uri.startsWith("/v1/rest/ingest/" + DATABASE.toLowerCase(Locale.ROOT) + "/logs?")
                            && uri.contains("streamformat=multijson")
                            && uri.contains("mappingname=" + LogRowKustoSchema.MAPPING_NAME.toLowerCase(Locale.ROOT)),
                    name,
                    "request URI " + c.uri());
            byte[] raw = gunzip(c.body());
            List<JsonNode> lines = parseLines(raw);
            check(lines.size() == ROWS, name, "sent " + lines.size() + " JSON lines, expected " + ROWS);
            for (int i = 0; i < ROWS; i++) {
                check(
                        lines.get(i).size() == 10,
                        name,
                        "row " + i + " has " + lines.get(i).size() + " fields");
                check(
                        reference == null || reference.get(i).equals(lines.get(i)),
                        name,
                        "row " + i + " differs:\n  " + lines.get(i) + "\nvs " + names[0] + ":\n  "
                                + (reference == null ? "" : reference.get(i)));
            }
            if (reference == null) {
                reference = lines;
            }
            System.out.printf(
                    "# verified %-26s %,d lines, %,d JSON bytes, %,d gzip bytes (%.2fx)%s%n",
                    name,
                    lines.size(),
                    raw.length,
                    c.body().length,
                    (double) raw.length / c.body().length,
                    c.tls() == null ? "" : ", " + c.tls());
        }
        check(sink.otherRequests() == 0, "sink", "got " + sink.otherRequests() + " non-ingest requests");
        check(tlsSink.otherRequests() == 0, "TLS sink", "got " + tlsSink.otherRequests() + " non-ingest requests");
    }

    private static void check(boolean ok, String variant, String problem) {
        if (!ok) {
            throw new IllegalStateException(variant + ": " + problem);
        }
    }

    private static byte[] gunzip(byte[] body) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            return in.readAllBytes();
        }
    }

    private List<JsonNode> parseLines(byte[] bytes) throws IOException {
        List<JsonNode> nodes = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) { // drops the trailing ""
            if (line.isBlank()) {
                throw new IllegalStateException("a blank line in the body");
            }
            nodes.add(mapper.readTree(line));
        }
        return nodes;
    }
}
