package io.kustotyped.runtime;

/**
 * A request that got no HTTP response: the connection could not be made, was closed or timed out.
 * Always transient. When {@link #requestSent()} is true the whole request had been written before the failure,
 * so the service may have committed it: retrying it may ingest the same rows twice.
 */
public final class KustoTransportException extends KustoException {

    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    /**
     * @param message what happened
     * @param cause the I/O failure
     * @param clientRequestId the request id
     * @param requestSent whether the request body had been fully written when the failure happened
     */
    public KustoTransportException(String message, Throwable cause, String clientRequestId, boolean requestSent) {
        super(message, cause, clientRequestId);
        this.requestSent = requestSent;
    }

    /** True when the request was fully sent and the outcome is unknown (it may have been committed). */
    public boolean requestSent() {
        return requestSent;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
