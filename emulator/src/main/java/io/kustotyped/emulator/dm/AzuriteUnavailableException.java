package io.kustotyped.emulator.dm;

/**
 * Azurite cannot run on this machine: no Azurite command was found, or node/npm is missing (the message says which
 * and how to install it). {@link AzuriteExtension} turns it into a skipped test.
 */
public final class AzuriteUnavailableException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    AzuriteUnavailableException(String message) {
        super(message);
    }

    AzuriteUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
