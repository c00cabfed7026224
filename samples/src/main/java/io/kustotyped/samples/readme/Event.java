package io.kustotyped.samples.readme;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoTable;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The README's first example: one row of table {@code Events} in database {@code Telemetry}.
 *
 * @param timestamp when it happened
 * @param deviceId the device
 * @param level the severity
 * @param payload whatever the device sent
 */
@KustoTable(name = "Events", database = "Telemetry")
public record Event(
        @Column(name = "Timestamp") Instant timestamp, UUID deviceId, String level, Map<String, Object> payload) {}
