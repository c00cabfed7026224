package io.kustotyped.it.ingest;

import static io.kustotyped.it.support.Futures.await;
import static io.kustotyped.it.support.Futures.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.StreamFormat;
import io.vertx.core.buffer.Buffer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.stream.LongStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * The pitfall users hit most: streaming ingestion sees a new table, mapping or policy only minutes after it was
 * created (docs/kusto-rules.md §1.6). The emulator models the delay; {@code applySchema()} clears the cache so that
 * an ingest right after it works.
 */
class SchemaPropagationTest {

    private static final Duration LONG = Duration.ofHours(1);

    private static List<LogEvent> rows(int n) {
        return LongStream.range(0, n).mapToObj(i -> LogEvent.of(i, 20)).toList();
    }

    private static String codeOfTheFailure(Throwable t) {
        IngestException e = assertInstanceOf(IngestException.class, t);
        return assertInstanceOf(
                        KustoServiceException.class,
                        e.result().failures().get(0).cause())
                .code()
                .orElseThrow();
    }

    @Test
    void anIngestRightAfterApplySchemaLands() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> b.schemaPropagationDelay(LONG))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client);
            IngestResult result = await(ingestor.applySchema().compose(v -> ingestor.ingest(rows(50))));
            assertEquals(50, result.rowsIngested());
            assertEquals(50, f.count("Logs | count"));
        }
    }

    @Test
    void withoutTheCacheClearANewTableAndMappingAreInvisibleToStreaming() throws Exception {
        try (EmulatorFixture f = new EmulatorFixture(b -> b.schemaPropagationDelay(LONG))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client);
            // What applySchema() did before it cleared the cache: the generated commands only.
            for (String command : LogEventKustoSchema.COMMANDS) {
                await(f.client.executeMgmt("Test", command));
            }
            assertEquals("BadRequest_TableNotExist", codeOfTheFailure(awaitFailure(ingestor.ingest(rows(3)))));

            // The table becomes visible; a mapping created now is not, until the cache is cleared again.
            await(f.client.executeMgmt("Test", ".clear table ['Logs'] cache streamingingestion schema"));
            await(f.client.executeMgmt(
                    "Test", LogEventKustoSchema.CREATE_MAPPING.replace(LogEventKustoSchema.MAPPING_NAME, "Logs_next")));
            assertEquals(3, await(ingestor.ingest(rows(3))).rowsIngested(), "the cleared mapping works");
            KustoServiceException e = assertInstanceOf(
                    KustoServiceException.class,
                    awaitFailure(f.client.streamIngest(
                            "Test",
                            "Logs",
                            StreamFormat.MULTI_JSON,
                            "Logs_next",
                            gzip("{\"seq\":1}"),
                            "it-next-mapping")));
            assertEquals("BadRequest_MappingReferenceWasNotFound", e.code().orElseThrow());
        }
    }

    @Test
    void aChangeBecomesVisibleByItselfAfterTheDelay() throws Exception {
        // Long enough for a cold first ingest on a loaded machine to arrive inside the window.
        try (EmulatorFixture f = new EmulatorFixture(b -> b.schemaPropagationDelay(Duration.ofSeconds(3)))) {
            LogEventIngestor ingestor = LogEventIngestor.create(f.client);
            for (String command : LogEventKustoSchema.COMMANDS) {
                await(f.client.executeMgmt("Test", command));
            }
            assertEquals("BadRequest_TableNotExist", codeOfTheFailure(awaitFailure(ingestor.ingest(rows(1)))));
            Thread.sleep(3100);
            assertEquals(1, await(ingestor.ingest(rows(1))).rowsIngested());
        }
    }

    private static Buffer gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return Buffer.buffer(bytes.toByteArray());
    }
}
