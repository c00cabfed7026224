package io.kustotyped.micrometer;

import io.kustotyped.annotations.KustoTable;
import java.time.Instant;

/** A sensor reading: the row the metrics tests ingest. */
@KustoTable(name = "Readings", database = "Test")
public record Reading(long seq, Instant at, String sensor, double value) {

    static Reading of(long seq) {
        return new Reading(seq, Instant.ofEpochSecond(1_700_000_000L + seq), "sensor-" + (seq % 17), seq * 0.25);
    }
}
