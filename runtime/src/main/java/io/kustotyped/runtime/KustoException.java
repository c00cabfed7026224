package io.kustotyped.runtime;

/**
 * Base of the exceptions a {@link KustoClient} request fails with. Every one carries the
 * {@code x-ms-client-request-id} of the request, so that it can be found in the service's logs.
 */
public abstract class KustoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String clientRequestId;

    /**
     * @param message the message (never contains a token)
     * @param cause the cause, or {@code null}
     * @param clientRequestId the request id sent, or {@code null} if the request was never sent
     */
    protected KustoException(String message, Throwable cause, String clientRequestId) {
        super(message, cause);
        this.clientRequestId = clientRequestId;
    }

    /** The {@code x-ms-client-request-id} the request was sent with, or {@code null}. */
    public String clientRequestId() {
        return clientRequestId;
    }

    /** Whether trying the same request again may succeed (throttling, 5xx, connection failures...). */
    public abstract boolean isTransient();
}
