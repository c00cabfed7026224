package io.kustotyped.emulator.dm;

import io.kustotyped.emulator.fault.DmFaultOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of the emulator's Data Management side (queued ingestion): where its storage is, and how it batches.
 *
 * <p>Immutable; {@link #builder()} starts from the defaults: Azurite started by the emulator in memory, no
 * batching delay, a 100 ms queue poll.
 *
 * @param storage the account given to the emulator, or null to start Azurite
 * @param azuriteLocation where a started Azurite persists (null: in memory); ignored with {@code storage}
 * @param batchingDelay how long a message waits in the queue before it is ingested (Kusto's DM seals a batch after
 *     its batching policy's time span, 5 minutes by default); zero ingests as soon as the message is seen
 * @param pollInterval how often an empty ingestion queue is polled
 * @param faults fault injection on the DM side ({@link DmFaultOptions#NONE} by default)
 */
public record QueuedIngestionOptions(
        StorageAccount storage,
        Path azuriteLocation,
        Duration batchingDelay,
        Duration pollInterval,
        DmFaultOptions faults) {

    /** The defaults: Azurite started in memory, no batching delay, a 100 ms poll. */
    public static final QueuedIngestionOptions DEFAULT =
            new QueuedIngestionOptions(null, null, Duration.ZERO, Duration.ofMillis(100), DmFaultOptions.NONE);

    /**
     * How often the DM side tries a message whose blob cannot be read before it reports the blob failed
     * ({@code Exhausted}) and deletes the message.
     */
    public static final int BLOB_READ_ATTEMPTS = 3;

    /** Checks the durations. */
    public QueuedIngestionOptions {
        Objects.requireNonNull(batchingDelay, "batchingDelay");
        Objects.requireNonNull(pollInterval, "pollInterval");
        Objects.requireNonNull(faults, "faults");
        if (batchingDelay.isNegative()) {
            throw new IllegalArgumentException("the batching delay cannot be negative: " + batchingDelay);
        }
        if (pollInterval.isNegative() || pollInterval.isZero()) {
            throw new IllegalArgumentException("the poll interval must be positive: " + pollInterval);
        }
    }

    /** @return a builder with the defaults */
    public static Builder builder() {
        return new Builder(DEFAULT);
    }

    /** @return whether the emulator starts (and stops) an Azurite of its own */
    public boolean startsAzurite() {
        return storage == null;
    }

    /** Builds {@link QueuedIngestionOptions}. */
    public static final class Builder {
        private StorageAccount storage;
        private Path azuriteLocation;
        private Duration batchingDelay;
        private Duration pollInterval;
        private DmFaultOptions faults;

        private Builder(QueuedIngestionOptions from) {
            faults = from.faults;
            storage = from.storage;
            azuriteLocation = from.azuriteLocation;
            batchingDelay = from.batchingDelay;
            pollInterval = from.pollInterval;
        }

        /** @param storage an Azure Storage account (e.g. a running Azurite's) instead of starting Azurite @return this */
        public Builder storage(StorageAccount storage) {
            this.storage = storage;
            return this;
        }

        /** @param location where the Azurite the emulator starts persists (default: in memory) @return this */
        public Builder azuriteLocation(Path location) {
            this.azuriteLocation = location;
            return this;
        }

        /** @param delay how long a queued message waits before it is ingested (default 0) @return this */
        public Builder batchingDelay(Duration delay) {
            this.batchingDelay = delay;
            return this;
        }

        /** @param interval how often an empty ingestion queue is polled (default 100 ms) @return this */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** @param faults fault injection on the DM side @return this */
        public Builder faults(DmFaultOptions faults) {
            this.faults = faults;
            return this;
        }

        /** @return the options */
        public QueuedIngestionOptions build() {
            return new QueuedIngestionOptions(storage, azuriteLocation, batchingDelay, pollInterval, faults);
        }
    }
}
