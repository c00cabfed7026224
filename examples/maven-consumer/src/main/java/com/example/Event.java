package com.example;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** The README's record: one row of table {@code Events} in database {@code Telemetry}. */
@KustoTable(name = "Events", database = "Telemetry")
public record Event(
        @Column(name = "Timestamp") Instant timestamp, UUID deviceId, String level, Map<String, Object> payload) {}
