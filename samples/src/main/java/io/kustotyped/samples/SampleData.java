package io.kustotyped.samples;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.LongFunction;

/**
 * Generates the sample's rows. Row {@code i} of a run is a pure function of the run and {@code i}, so the
 * query-back check can rebuild any row it reads and compare it field by field, and no batch is held in memory.
 */
public final class SampleData {

    private static final String[] CITIES = {"Lisbon", "Oslo", "Montréal", "São Paulo", "Kraków", "Osaka", "Nairobi"};
    private static final String[] COUNTRIES = {"PT", "NO", "CA", "BR", "PL", "JP", "KE"};
    private static final String[] TAGS = {"express", "gift", "oversize", "insured", "return-label"};
    private static final String[] LEVELS = {"Info", "Info", "Info", "Warning", "Error"};
    private static final Shipment.Status[] STATUSES = Shipment.Status.values();

    private final UUID runId;
    private final Instant base;
    private final long salt;

    /**
     * @param runId the run's id, written into every {@link Shipment}
     * @param base the run's start, truncated to the second; timestamps are derived from it
     */
    public SampleData(UUID runId, Instant base) {
        this.runId = runId;
        this.base = base;
        this.salt = runId.getMostSignificantBits() ^ runId.getLeastSignificantBits();
    }

    /** The run's id. */
    public UUID runId() {
        return runId;
    }

    private SplittableRandom random(long i, long stream) {
        return new SplittableRandom(salt + i * 0x9E3779B97F4A7C15L + stream);
    }

    /** Shipment row {@code i}. */
    public Shipment shipment(long i) {
        SplittableRandom r = random(i, 1);
        int city = r.nextInt(CITIES.length);
        List<String> tags = new ArrayList<>();
        for (int t = r.nextInt(4); t > 0; t--) {
            tags.add(TAGS[r.nextInt(TAGS.length)]);
        }
        Instant created = base.plusNanos(i * 1_234_500L); // a multiple of 100 ns: Kusto's datetime precision
        return new Shipment(
                runId,
                i,
                new UUID(r.nextLong(), r.nextLong()),
                created,
                Duration.ofMinutes(30 + r.nextInt(20_000)).plusMillis(r.nextInt(1000)),
                BigDecimal.valueOf(r.nextLong(100, 1_000_000_000L), 2),
                STATUSES[(int) (i % STATUSES.length)],
                new Shipment.Address(CITIES[city], COUNTRIES[city], Integer.toString(10_000 + r.nextInt(90_000))),
                tags,
                i % 3 == 0 ? Optional.empty() : Optional.of("Left with neighbour #" + r.nextInt(1000)),
                i % 5 == 0 ? OptionalInt.empty() : OptionalInt.of(1 + r.nextInt(5)),
                r.nextInt(1, 100_000) / 100.0,
                r.nextBoolean(),
                created.toEpochMilli() + r.nextLong(3_600_000L, 10L * 24 * 3_600_000L),
                "never sent: @KustoIgnore");
    }

    /** The timestamp of log row {@code i}: one microsecond apart, so that it identifies the row. */
    public Instant logTimestamp(long i) {
        return base.plusNanos(i * 1_000L);
    }

    /** Log row {@code i}. */
    public LogEntry log(long i) {
        SplittableRandom r = random(i, 2);
        int a = r.nextInt(100_000);
        int b = r.nextInt(256);
        int c = r.nextInt(256);
        String event = switch (r.nextInt(4)) {
            case 0 -> "user " + a + " signed in from 10.0." + b + "." + c;
            case 1 -> "cache miss for key \"order:" + a + "\" (" + b + " ms, " + c + " tries)";
            case 2 -> "payment " + a + " declined: code " + b + ", retry " + c;
            default -> "job " + a + " finished in " + b + "." + c + " s";
        };
        return new LogEntry(logTimestamp(i), LEVELS[r.nextInt(LEVELS.length)], logPrefix() + i + ": " + event);
    }

    /** How every log row of this run starts: {@code run <first 8 hex digits of the run id> event }. */
    public String logPrefix() {
        return "run " + runId.toString().substring(0, 8) + " event ";
    }

    /** Rows {@code 0..count-1} made by {@code row}, lazily. */
    public static <T> Iterator<T> rows(long count, LongFunction<T> row) {
        return new Iterator<>() {
            private long next;

            @Override
            public boolean hasNext() {
                return next < count;
            }

            @Override
            public T next() {
                if (next >= count) {
                    throw new NoSuchElementException();
                }
                return row.apply(next++);
            }
        };
    }
}
