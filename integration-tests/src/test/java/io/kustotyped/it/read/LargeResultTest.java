package io.kustotyped.it.read;

import static io.kustotyped.it.support.Futures.await;
import static io.kustotyped.it.support.Futures.awaitFailure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.kustotyped.it.support.EmulatorFixture;
import io.kustotyped.runtime.KustoClient;
import io.kustotyped.runtime.KustoServiceException;
import java.util.ArrayList;
import java.util.List;
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

    private EmulatorFixture fixture;
    private KustoClient client;
    private ReadShapesIngestor ingestor;

    @BeforeEach
    void start() throws Exception {
        fixture = new EmulatorFixture(b -> b.queryRecordLimit(LIMIT));
        client = fixture.client;
        ingestor = ReadShapesIngestor.create(client);
        await(ingestor.applySchema());
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
        await(ingestor.ingest(rows));
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void aResultWithinTheLimitIsReadWhole() throws Exception {
        assertEquals(LIMIT, await(ingestor.query("| take " + LIMIT)).size());
    }

    @Test
    void aTruncatedResultFailsWithTheServiceErrorInsteadOfReturningPartOfIt() throws Exception {
        Throwable t = awaitFailure(ingestor.query("| order by id asc"));
        KustoServiceException e = assertInstanceOf(KustoServiceException.class, t);
        assertEquals("LimitsExceeded", e.code().orElse(null));
        assertTrue(e.detail().orElse("").contains("E_QUERY_RESULT_SET_TOO_LARGE"), e.toString());
        assertTrue(e.hint().orElse("").contains("queryEach"), e.hint().toString());
        assertTrue(!e.isTransient(), "the same query truncates again");
    }

    @Test
    void queryEachLiftsTheLimitAndHandsOverEveryRowInOrder() throws Exception {
        List<Long> ids = new ArrayList<>();
        long count = await(client.queryEach(
                "Test", "ReadShapes | order by id asc", ReadShapesRowReader.INSTANCE, r -> ids.add(r.id())));
        assertEquals(250, count);
        assertEquals(LongList.range(250), ids);
    }

    @Test
    void anExceptionInTheRowHandlerStopsTheQueryAndFailsItsFuture() throws Exception {
        IllegalStateException stop = new IllegalStateException("enough");
        AtomicLong seen = new AtomicLong();
        Throwable t = awaitFailure(
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
