package io.kustotyped.it.blocking;

import io.kustotyped.annotations.KustoTable;
import java.time.Instant;
import java.util.UUID;

/** A sensor reading, written and read back through the blocking view. */
@KustoTable(name = "Readings", database = "Test")
public record Reading(String sensor, long seq, Instant at, double value, UUID batch) {}
