package io.kustotyped.benchmarks;

import io.kustotyped.annotations.Column;
import io.kustotyped.annotations.KustoIgnore;
import io.kustotyped.annotations.KustoTable;
import io.kustotyped.annotations.KustoTransform;
import io.kustotyped.annotations.KustoType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.UUID;

/**
 * A copy of the shape of the samples module's {@code Shipment} (same components, types, annotations and value
 * generator), kept here so that the benchmarks do not depend on the samples module: guid, long, datetime, timespan,
 * decimal, an enum as string, two dynamic columns (an object and an array), optional string and long, real, bool and
 * a {@code DateTimeFromUnixMilliseconds} transform.
 *
 * @param runId the run ({@code guid})
 * @param sequence the row's number ({@code long})
 * @param shipmentId the shipment ({@code guid})
 * @param createdAt when it was created ({@code datetime})
 * @param transitTime how long it travelled ({@code timespan})
 * @param declaredValue its value ({@code decimal})
 * @param status its state ({@code string})
 * @param destination where it goes ({@code dynamic} object)
 * @param tags free-form labels ({@code dynamic} array)
 * @param trackingNote an optional note ({@code string})
 * @param priority an optional priority ({@code long})
 * @param weightKg its weight ({@code real})
 * @param fragile whether it is fragile ({@code bool})
 * @param deliveredAt Unix milliseconds ({@code datetime} through the mapping's transform)
 * @param internalNotes not a column
 */
@KustoTable(name = "Shipments")
public record ShipmentRow(
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
     * A nested record, written as a JSON object.
     *
     * @param city the city
     * @param country the ISO country code
     * @param postalCode the postal code
     */
    public record Address(String city, String country, String postalCode) {}

    private static final String[] CITIES = {"Lisbon", "Oslo", "Montréal", "São Paulo", "Kraków", "Osaka", "Nairobi"};
    private static final String[] COUNTRIES = {"PT", "NO", "CA", "BR", "PL", "JP", "KE"};
    private static final String[] TAGS = {"express", "gift", "oversize", "insured", "return-label"};

    /**
     * Generates rows as the samples module's {@code SampleData.shipment} does.
     *
     * @param count how many
     * @param seed the run's seed
     * @return the rows
     */
    static ShipmentRow[] generate(int count, long seed) {
        UUID runId = new UUID(seed, ~seed);
        Instant base = Instant.parse("2026-12-01T00:00:00Z");
        ShipmentRow[] rows = new ShipmentRow[count];
        for (int i = 0; i < count; i++) {
            SplittableRandom r = new SplittableRandom(seed + i * 0x9E3779B97F4A7C15L + 1);
            int city = r.nextInt(CITIES.length);
            List<String> tags = new ArrayList<>();
            for (int t = r.nextInt(4); t > 0; t--) {
                tags.add(TAGS[r.nextInt(TAGS.length)]);
            }
            Instant created = base.plusNanos(i * 1_234_500L);
            rows[i] = new ShipmentRow(
                    runId,
                    i,
                    new UUID(r.nextLong(), r.nextLong()),
                    created,
                    Duration.ofMinutes(30 + r.nextInt(20_000)).plusMillis(r.nextInt(1000)),
                    BigDecimal.valueOf(r.nextLong(100, 1_000_000_000L), 2),
                    Status.values()[i % Status.values().length],
                    new Address(CITIES[city], COUNTRIES[city], Integer.toString(10_000 + r.nextInt(90_000))),
                    tags,
                    i % 3 == 0 ? Optional.empty() : Optional.of("Left with neighbour #" + r.nextInt(1000)),
                    i % 5 == 0 ? OptionalInt.empty() : OptionalInt.of(1 + r.nextInt(5)),
                    r.nextInt(1, 100_000) / 100.0,
                    r.nextBoolean(),
                    created.toEpochMilli() + r.nextLong(3_600_000L, 10L * 24 * 3_600_000L),
                    "never sent: @KustoIgnore");
        }
        return rows;
    }
}
