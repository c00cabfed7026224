package io.kustotyped.it.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.emulator.KustoEmulator;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoClientOptions;
import io.kustotyped.runtime.KustoServiceException;
import io.vertx.core.Vertx;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Kusto's result truncation (https://learn.microsoft.com/kusto/concepts/query-limits), with the emulator's record limit
 * set to 100: {@code query} keeps the limit and fails with the service's error when it truncates; {@code queryEach}
 * lifts it and streams every row.
 */
class LargeResultTest {

    private static final int LIMIT = 100;

    private Vertx vertx;
    private KustoEmulator emulator;
    private KustoClient client;
    private ReadShapesIngestor ingestor;

    @BeforeEach
    void start() throws Exception {
        vertx = Vertx.vertx();
        emulator =
                KustoEmulator.builder().database("Test").queryRecordLimit(LIMIT).start();
        client = KustoClient.create(
                vertx, new KustoClientOptions().setClusterUrl(emulator.uri().toString()));
        ingestor = ReadShapesIngestor.create(client);
        ReadBackTest.await(ingestor.applySchema());
        List<ReadShapes> rows = IntStream.range(0, 250)
                .mapToObj(i -> new ReadShapes(
                        i,
                        null,
                        null,
                        null,
                        List.of(List.of(i)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        java.util.Optional.empty(),
                        null,
                        null,
                        "row " + i,
                        null,
                        null,
                        null))
                .toList();
        ReadBackTest.await(ingestor.ingest(rows));
    }

    @AfterEach
    void stop() throws Exception {
        emulator.close();
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    @Test
    void aResultWithinTheLimitIsReadWhole() throws Exception {
        assertEquals(
                LIMIT, ReadBackTest.await(ingestor.query("| take " + LIMIT)).size());
    }

    @Test
    void aTruncatedResultFailsWithTheServiceErrorInsteadOfReturningPartOfIt() {
        Throwable t = ReadBackTest.failure(ingestor.query("| order by id asc"));
        KustoServiceException e = assertInstanceOf(KustoServiceException.class, t);
        assertEquals("LimitsExceeded", e.code().orElse(null));
        assertTrue(e.detail().orElse("").contains("E_QUERY_RESULT_SET_TOO_LARGE"), e.toString());
        assertTrue(e.hint().orElse("").contains("queryEach"), e.hint().toString());
        assertTrue(!e.isTransient(), "the same query truncates again");
    }

    @Test
    void queryEachLiftsTheLimitAndHandsOverEveryRowInOrder() throws Exception {
        List<Long> ids = new ArrayList<>();
        long count = ReadBackTest.await(client.queryEach(
                "Test", "ReadShapes | order by id asc", ReadShapesRowReader.INSTANCE, r -> ids.add(r.id())));
        assertEquals(250, count);
        assertEquals(LongList.range(250), ids);
    }

    @Test
    void anExceptionInTheRowHandlerStopsTheQueryAndFailsItsFuture() {
        IllegalStateException stop = new IllegalStateException("enough");
        AtomicLong seen = new AtomicLong();
        Throwable t = ReadBackTest.failure(
                client.queryEach("Test", "ReadShapes | order by id asc", ReadShapesRowReader.INSTANCE, r -> {
                    if (seen.incrementAndGet() == 10) {
                        throw stop;
                    }
                }));
        assertSame(stop, t);
        assertEquals(10, seen.get());
    }

    /** 0..n-1 as Longs. */
    private static final class LongList {
        static List<Long> range(long n) {
            List<Long> out = new ArrayList<>();
            for (long i = 0; i < n; i++) {
                out.add(i);
            }
            return out;
        }
    }
}
