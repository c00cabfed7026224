package io.kustotyped.runtime;

import java.time.Duration;

/**
 * A {@link BlockingIngestor} call did not complete within its timeout. The operation is not cancelled: it goes on in
 * the background and may still succeed (an ingest may still land rows, so retrying it may duplicate them; look at
 * the table or use the {@code Future} API, whose {@link IngestResult} says exactly which rows landed).
 */
public final class BlockingTimeoutException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String operation;
    private final transient Duration timeout;

    /**
     * @param operation what was waited for, e.g. {@code "ingest into table 'Events' of database 'Telemetry'"}
     * @param timeout how long the caller waited
     */
    public BlockingTimeoutException(String operation, Duration timeout) {
        super(operation + " did not complete within " + timeout
                + "; it was not cancelled and may still complete in the background");
        this.operation = operation;
        this.timeout = timeout;
    }

    /** What was waited for. */
    public String operation() {
        return operation;
    }

    /** How long the caller waited. */
    public Duration timeout() {
        return timeout;
    }
}
