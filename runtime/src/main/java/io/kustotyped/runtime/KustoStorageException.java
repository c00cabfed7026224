package io.kustotyped.runtime;

import java.util.Optional;

/**
 * Azure Storage refused a queued-ingestion request (the blob upload, the queue message, or a status-table read or
 * write) with an error status. The URL in the message never carries its SAS query (a SAS is a secret).
 *
 * <p>Only the client creates these exceptions; whether one is transient is decided when it is created (a 403 counts
 * as transient: the SAS may have expired, and the client fetches fresh ones from the Data Management service before
 * it tries again).
 */
public final class KustoStorageException extends KustoException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final boolean isTransient;

    KustoStorageException(String message, int status, String code, String clientRequestId, boolean isTransient) {
        super(message, null, clientRequestId);
        this.status = status;
        this.code = code;
        this.isTransient = isTransient;
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The storage error code ({@code x-ms-error-code}, e.g. {@code AuthenticationFailed}), when the answer had one. */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    @Override
    public boolean isTransient() {
        return isTransient;
    }
}
