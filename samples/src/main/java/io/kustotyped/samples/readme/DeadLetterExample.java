package io.kustotyped.samples.readme;

import io.kustotyped.runtime.FailedRows;
import io.kustotyped.runtime.IngestException;
import io.kustotyped.runtime.IngestResult;
import io.kustotyped.runtime.KustoServiceException;
import io.kustotyped.runtime.RowRange;
import io.vertx.core.Future;
import java.util.List;

/** The README's example of rows that did not land. */
public final class DeadLetterExample {

    private DeadLetterExample() {}

    /**
     * Ingests the events and puts every row that did not land into {@code deadLetters}.
     *
     * @param ingestor the ingestor
     * @param events the rows
     * @param deadLetters receives the rows that did not land
     * @return the result, complete or not
     */
    public static Future<IngestResult> ingestOrDeadLetter(
            EventIngestor ingestor, List<Event> events, List<Event> deadLetters) {
        return ingestor.ingest(events).recover(e -> {
            if (!(e instanceof IngestException failed)) {
                return Future.failedFuture(e);
            }
            for (FailedRows f : failed.result().failures()) {
                String why = f.cause() instanceof KustoServiceException k
                        ? k.code().orElse("HTTP " + k.status())
                        : f.cause().toString();
                System.err.println(f.rowCount() + " rows did not land: " + why
                        + (f.possiblyIngested() ? " (and may have landed: the answer was lost)" : ""));
                for (RowRange r : f.ranges()) {
                    deadLetters.addAll(events.subList((int) r.from(), (int) r.to()));
                }
            }
            return Future.succeededFuture(failed.result());
        });
    }
}
