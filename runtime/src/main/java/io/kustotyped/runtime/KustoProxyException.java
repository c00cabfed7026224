package io.kustotyped.runtime;

/**
 * The HTTP proxy refused to open a tunnel to the cluster: it answered the {@code CONNECT} with an error status.
 * Transient only when the proxy says so with a 5xx (its upstream failed or timed out, it is overloaded);
 * {@code 407 Proxy Authentication Required} and {@code 403} are permanent: the same request fails the same way
 * until the proxy credentials or rules change. A proxy that cannot be reached at all is a
 * {@link KustoTransportException} (transient). Nothing reached the cluster, and no token was sent.
 */
public final class KustoProxyException extends KustoException {

    private static final long serialVersionUID = 1L;

    private final int proxyStatus;

    /**
     * @param message what failed, naming the proxy (never its password) and the cluster host
     * @param proxyStatus the proxy's HTTP status
     * @param cause the connect failure
     * @param clientRequestId the request id, or {@code null}
     */
    public KustoProxyException(String message, int proxyStatus, Throwable cause, String clientRequestId) {
        super(message, cause, clientRequestId);
        this.proxyStatus = proxyStatus;
    }

    /** The status the proxy answered the {@code CONNECT} with, e.g. 407. */
    public int proxyStatus() {
        return proxyStatus;
    }

    @Override
    public boolean isTransient() {
        return proxyStatus >= 500;
    }
}
