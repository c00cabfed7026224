package io.kustotyped.runtime;

/**
 * A request that got no HTTP response: the connection could not be made, was closed or timed out.
 * Always transient. When {@link #requestSent()} is true the failure came after the connection was made, so the
 * service may have received and committed the request: retrying it may ingest the same rows twice.
 */
public final class KustoTransportException extends KustoException {

    private static final long serialVersionUID = 1L;

    private final boolean requestSent;

    /**
     * @param message what happened
     * @param cause the I/O failure
     * @param clientRequestId the request id
     * @param requestSent whether the request may have reached the service (the failure came after the connection was
     *     made)
     */
    public KustoTransportException(String message, Throwable cause, String clientRequestId, boolean requestSent) {
        super(message, cause, clientRequestId);
        this.requestSent = requestSent;
    }

    /**
     * True when the request may have reached the service and the outcome is unknown (it may have been committed);
     * false when it certainly did not (the connection could not be made).
     */
    public boolean requestSent() {
        return requestSent;
    }

    @Override
    public boolean isTransient() {
        return true;
    }
}
