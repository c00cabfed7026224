package io.kustotyped.azure;

/**
 * An azure-identity credential gave no token. The message names the credential and the scope, and carries
 * azure-identity's own explanation (never a token); the cause is azure-identity's exception.
 */
public final class TokenAcquisitionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * @param message what failed, naming the credential and scope
     * @param cause azure-identity's exception, or {@code null}
     */
    public TokenAcquisitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
