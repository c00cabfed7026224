package io.kustotyped.emulator.error;

import java.util.Objects;

/**
 * A Kusto service error: an HTTP status plus the OneApi error fields (docs/kusto-rules.md §1.5).
 *
 * <p>Everything the emulator refuses is thrown as one of these; the HTTP layer turns it into the
 * {@code {"error":{...}}} body (see {@code http.OneApiError}). {@link KustoErrors} makes the ones of the codes the
 * reference lists.
 */
public class KustoError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String code;
    private final String atType;
    private final String atMessage;
    private final boolean permanent;

    /**
     * Creates an error.
     *
     * @param httpStatus the HTTP status of the response
     * @param code the OneApi {@code code} (the "subcode" clients switch on)
     * @param message the general OneApi {@code message}
     * @param atType the {@code @type} (a .NET exception type name)
     * @param atMessage the specific {@code @message} clients show as the description
     * @param permanent the {@code @permanent} flag clients use to decide whether to retry
     */
    public KustoError(int httpStatus, String code, String message, String atType, String atMessage, boolean permanent) {
        super(Objects.requireNonNull(message, "message"));
        this.httpStatus = httpStatus;
        this.code = Objects.requireNonNull(code, "code");
        this.atType = Objects.requireNonNull(atType, "atType");
        this.atMessage = Objects.requireNonNull(atMessage, "atMessage");
        this.permanent = permanent;
    }

    /** @return the HTTP status */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the OneApi {@code code} */
    public String code() {
        return code;
    }

    /** @return the OneApi {@code @type} */
    public String atType() {
        return atType;
    }

    /** @return the OneApi {@code @message} */
    public String atMessage() {
        return atMessage;
    }

    /** @return the OneApi {@code @permanent} flag */
    public boolean permanent() {
        return permanent;
    }

    @Override
    public String toString() {
        return "KustoError[" + httpStatus + " " + code + ": " + atMessage + "]";
    }
}
