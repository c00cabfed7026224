package io.kustotyped.emulator.fault;

import java.util.Locale;
import java.util.Random;

/**
 * Fault injection on the emulator's Data Management side (queued ingestion), seeded like {@link FaultOptions}:
 * each DM management command ({@code .get/.show ingestion resources}, {@code .get kusto identity token}) draws
 * whether it is throttled (429 {@code TooManyRequests}, transient, as Kusto answers), and each queued message draws
 * whether its blob read fails (retried, then reported {@code Exhausted}) and whether its ingestion fails (reported
 * to the failure queue and status table, nothing committed). Immutable.
 *
 * @param seed the random seed
 * @param throttleResourceCalls fraction of DM commands answered 429
 * @param blobReadFailures fraction of blob reads that fail
 * @param ingestFailures fraction of messages whose ingestion fails
 */
public record DmFaultOptions(long seed, double throttleResourceCalls, double blobReadFailures, double ingestFailures) {
    /** No DM faults. */
    public static final DmFaultOptions NONE = new DmFaultOptions(0, 0, 0, 0);

    /** Checks the fractions. */
    public DmFaultOptions {
        for (double f : new double[] {throttleResourceCalls, blobReadFailures, ingestFailures}) {
            if (!(f >= 0 && f <= 1)) {
                throw new IllegalArgumentException("a fault fraction must be in [0, 1], not " + f);
            }
        }
    }

    /**
     * Adds one rule parsed from {@code WHAT:FRACTION}: {@code resources:0.5}, {@code blob:0.1} or {@code ingest:0.1}.
     *
     * @param spec the text
     * @return the options with that fraction set
     * @throws IllegalArgumentException naming what is wrong
     */
    public DmFaultOptions with(String spec) {
        String[] parts = spec.split(":", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(
                    "a DM fault is WHAT:FRACTION (resources, blob or ingest), e.g. blob:0.1; got '" + spec + "'");
        }
        double fraction;
        try {
            fraction = Double.parseDouble(parts[1]);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + parts[1] + "' in DM fault '" + spec + "' is not a number");
        }
        return switch (parts[0].toLowerCase(Locale.ROOT)) {
            case "resources" -> new DmFaultOptions(seed, fraction, blobReadFailures, ingestFailures);
            case "blob" -> new DmFaultOptions(seed, throttleResourceCalls, fraction, ingestFailures);
            case "ingest" -> new DmFaultOptions(seed, throttleResourceCalls, blobReadFailures, fraction);
            default ->
                throw new IllegalArgumentException(
                        "unknown DM fault '" + parts[0] + "' in '" + spec + "': use resources, blob or ingest");
        };
    }

    /** @param seed the seed @return the options with that seed */
    public DmFaultOptions withSeed(long seed) {
        return new DmFaultOptions(seed, throttleResourceCalls, blobReadFailures, ingestFailures);
    }

    /** @return a new sampler; thread-safe */
    public Sampler sampler() {
        return new Sampler(this);
    }

    /** Draws the faults, one number per decision. */
    public static final class Sampler {
        private final DmFaultOptions options;
        private final Random random;

        private Sampler(DmFaultOptions options) {
            this.options = options;
            this.random = new Random(options.seed());
        }

        private synchronized boolean draw(double fraction) {
            return fraction > 0 && random.nextDouble() < fraction;
        }

        /** @return whether this DM command is throttled */
        public boolean throttleResourceCall() {
            return draw(options.throttleResourceCalls());
        }

        /** @return whether this blob read fails */
        public boolean failBlobRead() {
            return draw(options.blobReadFailures());
        }

        /** @return whether this message's ingestion fails */
        public boolean failIngest() {
            return draw(options.ingestFailures());
        }
    }
}
