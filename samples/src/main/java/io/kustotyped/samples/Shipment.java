package io.kustotyped.samples;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoIgnore;
import io.kustotyped.annotations.KustoTable;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;

/**
 * A richer row that uses most supported types; each component's comment says the Kusto column it becomes.
 *
 * @param runId the sample run that wrote the row ({@code guid}); the sample counts its own rows with it
 * @param sequence the row's number within the run ({@code long})
 * @param shipmentId the shipment ({@code guid}, written in lower case)
 * @param createdAt when it was created ({@code datetime}, UTC, 100 ns precision)
 * @param transitTime how long it travelled ({@code timespan})
 * @param declaredValue its value ({@code decimal}: no digit is lost, unlike {@code real})
 * @param status its state ({@code string}: the enum constant's name)
 * @param destination where it goes ({@code dynamic}: a JSON object)
 * @param tags free-form labels ({@code dynamic}: a JSON array)
 * @param trackingNote an optional note ({@code string}; empty when absent, as Kusto stores null strings)
 * @param priority an optional priority ({@code long}, widened from int; null when absent)
 * @param weightKg its weight ({@code real})
 * @param fragile whether it is fragile ({@code bool})
 * @param deliveredAt when it was delivered, as Unix milliseconds in Java ({@code datetime}: the mapping converts)
 * @param internalNotes not a column: {@code @KustoIgnore} leaves it out
 */
@KustoTable(name = "Shipments", database = "Test", docString = "kusto-typed sample: one row per shipment")
public record Shipment(
        @Column(name = "RunId") UUID runId,
        long sequence,
        UUID shipmentId,
        Instant createdAt,
        Duration transitTime,
        BigDecimal declaredValue,
        Status status,
        Address destination,
        List<String> tags,
        Optional<String> trackingNote,
        @Column(type = KustoType.LONG) OptionalInt priority,
        double weightKg,
        boolean fragile,

        @Column(transform = KustoTransform.DATETIME_FROM_UNIX_MILLISECONDS)
        long deliveredAt,

        @KustoIgnore String internalNotes) {

    /** The state of a shipment. */
    public enum Status {
        CREATED,
        IN_TRANSIT,
        DELIVERED,
        RETURNED
    }

    /**
     * A nested record: written as a JSON object into the {@code dynamic} column.
     *
     * @param city the city
     * @param country the ISO country code
     * @param postalCode the postal code
     */
    public record Address(String city, String country, String postalCode) {}
}
