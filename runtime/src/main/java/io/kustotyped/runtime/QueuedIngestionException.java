package io.kustotyped.runtime;

import java.util.Optional;

/**
 * Kusto reported that a queued batch failed to ingest (its row in the ingestion status table says {@code Failed}), or
 * the call stopped waiting while it was still pending. Carries the source id and, for a failure, the Kusto error code
 * (e.g. {@code BadRequest_MappingReferenceWasNotFound}), the failure status ({@code Permanent}, {@code Transient},
 * {@code Exhausted}) and the details Kusto gave.
 */
public final class QueuedIngestionException extends KustoException {

    private static final long serialVersionUID = 1L;

    private final String sourceId;
    private final String code;
    private final String failureStatus;
    private final boolean pending;

    QueuedIngestionException(String message, String sourceId, String code, String failureStatus, boolean pending) {
        super(message, null, null);
        this.sourceId = sourceId;
        this.code = code;
        this.failureStatus = failureStatus;
        this.pending = pending;
    }

    /** The batch's source id. */
    public String sourceId() {
        return sourceId;
    }

    /** The Kusto error code of the failure, when Kusto gave one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** {@code Permanent}, {@code Transient} or {@code Exhausted}, when Kusto said. */
    public Optional<String> failureStatus() {
        return Optional.ofNullable(failureStatus);
    }

    /** True when the batch was still pending (not failed) when the call stopped waiting. */
    public boolean isPending() {
        return pending;
    }

    @Override
    public boolean isTransient() {
        return pending || "Transient".equalsIgnoreCase(failureStatus);
    }
}
