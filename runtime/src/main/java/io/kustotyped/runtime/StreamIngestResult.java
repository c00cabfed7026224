package io.kustotyped.runtime;

import java.util.Objects;
import java.util.Optional;

/**
 * The service's acknowledgement of one streaming-ingestion request ({@link KustoClient#streamIngest}): the rows of
 * that request are committed. Only the runtime creates these; accessors may be added in later versions.
 */
public final class StreamIngestResult {

    private final int status;
    private final String clientRequestId;
    private final Optional<String> activityId;

    StreamIngestResult(int status, String clientRequestId, Optional<String> activityId) {
        this.status = status;
        this.clientRequestId = Objects.requireNonNull(clientRequestId, "clientRequestId");
        this.activityId = Objects.requireNonNull(activityId, "activityId");
    }

    /** The HTTP status of the answer (2xx, in practice 200). */
    public int status() {
        return status;
    }

    /** The {@code x-ms-client-request-id} the request was sent with. */
    public String clientRequestId() {
        return clientRequestId;
    }

    /** The service's {@code x-ms-activity-id} response header, when it sent one. */
    public Optional<String> activityId() {
        return activityId;
    }

    @Override
    public String toString() {
        return "StreamIngestResult[status=" + status + ", clientRequestId=" + clientRequestId
                + activityId.map(a -> ", activityId=" + a).orElse("") + "]";
    }
}
