package io.kustotyped.samples.readme;

import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoWriteStream;
import io.vertx.core.Future;
import io.vertx.core.streams.ReadStream;

/** The README's continuous-feed example. */
public final class WriteStreamExample {

    private WriteStreamExample() {}

    /**
     * Pipes a feed of events into Kusto with Vert.x backpressure, until the feed ends.
     *
     * @param feed the events, e.g. from a Kafka consumer
     * @param ingestor the ingestor
     * @return the totals over the feed's life
     */
    public static Future<IngestResult> pipe(ReadStream<Event> feed, EventIngestor ingestor) {
        KustoWriteStream<Event> sink = ingestor.writeStream(); // flushes by row count, linger time and at end
        return feed.pipeTo(sink).compose(v -> sink.completion());
    }
}
