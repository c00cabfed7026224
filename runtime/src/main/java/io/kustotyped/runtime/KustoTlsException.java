package io.kustotyped.runtime;

/**
 * The cluster's TLS certificate did not verify: not signed by a trusted authority, issued for another host name,
 * expired or not yet valid. Never transient: retrying reaches the same certificate. Nothing was sent, and no token
 * was fetched for the host: the client verifies the connection before it asks its {@link TokenProvider}.
 */
public final class KustoTlsException extends KustoException {

    private static final long serialVersionUID = 1L;

    private final String host;

    /**
     * @param host the host whose certificate failed
     * @param message what failed, naming the host
     * @param cause the handshake failure
     * @param clientRequestId the request id, or {@code null}
     */
    public KustoTlsException(String host, String message, Throwable cause, String clientRequestId) {
        super(message, cause, clientRequestId);
        this.host = host;
    }

    /** The host whose certificate did not verify. */
    public String host() {
        return host;
    }

    @Override
    public boolean isTransient() {
        return false;
    }
}
