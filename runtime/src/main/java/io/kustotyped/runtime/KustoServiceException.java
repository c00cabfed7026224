package io.kustotyped.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * The service answered with an error status. Carries what the OneApi error body says (docs/kusto-rules.md §1.5):
 * the Kusto error code ({@code error.code}), message, {@code @type}, {@code @message} and {@code @permanent},
 * with the HTTP status, the server's activity id and the client request id. Bodies that are not OneApi JSON
 * (a 401, a proxy's HTML page) keep their first characters in {@link #rawBody()}.
 */
public final class KustoServiceException extends KustoException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final String errorMessage;
    private final String type;
    private final String detail;
    private final Boolean permanent;
    private final String activityId;
    private final Duration retryAfter;
    private final String rawBody;
    private final String hint;

    /**
     * @param status the HTTP status
     * @param code the OneApi {@code error.code}, or {@code null} when the body was not OneApi JSON
     * @param errorMessage {@code error.message}, or {@code null}
     * @param type {@code error["@type"]}, or {@code null}
     * @param detail {@code error["@message"]}, or {@code null}
     * @param permanent {@code error["@permanent"]}, or {@code null} when absent
     * @param activityId the {@code x-ms-activity-id} response header (or {@code @context.activityId}), or {@code null}
     * @param clientRequestId the request id sent
     * @param retryAfter the {@code Retry-After} delay the server asked for, or {@code null}
     * @param rawBody the body as text (truncated), for bodies that are not OneApi JSON
     * @param hint what the user should do about it (the command to run), or {@code null}
     */
    public KustoServiceException(
            int status,
            String code,
            String errorMessage,
            String type,
            String detail,
            Boolean permanent,
            String activityId,
            String clientRequestId,
            Duration retryAfter,
            String rawBody,
            String hint) {
        super(
                describe(status, code, errorMessage, detail, activityId, clientRequestId, rawBody, hint),
                null,
                clientRequestId);
        this.status = status;
        this.code = code;
        this.errorMessage = errorMessage;
        this.type = type;
        this.detail = detail;
        this.permanent = permanent;
        this.activityId = activityId;
        this.retryAfter = retryAfter;
        this.rawBody = rawBody;
        this.hint = hint;
    }

    /** The same error with a hint telling the user what to run. */
    public KustoServiceException withHint(String newHint) {
        return new KustoServiceException(
                status,
                code,
                errorMessage,
                type,
                detail,
                permanent,
                activityId,
                clientRequestId(),
                retryAfter,
                rawBody,
                newHint);
    }

    private static String describe(
            int status,
            String code,
            String message,
            String detail,
            String activityId,
            String clientRequestId,
            String rawBody,
            String hint) {
        StringBuilder sb = new StringBuilder("Kusto answered HTTP ").append(status);
        if (code != null) {
            sb.append(' ').append(code);
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        } else if (message != null && !message.isEmpty()) {
            sb.append(": ").append(message);
        } else if (rawBody != null && !rawBody.isEmpty()) {
            sb.append(": ").append(rawBody);
        }
        sb.append(" (ClientRequestId='")
                .append(clientRequestId)
                .append("', ActivityId='")
                .append(activityId)
                .append("')");
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The Kusto error code ({@code error.code}, e.g. {@code BadRequest_MappingReferenceWasNotFound}), or null. */
    public String code() {
        return code;
    }

    /** {@code error.message}, or null. */
    public String errorMessage() {
        return errorMessage;
    }

    /** {@code error["@type"]}, the service's exception type, or null. */
    public String type() {
        return type;
    }

    /** {@code error["@message"]}, the detailed description, or null. */
    public String detail() {
        return detail;
    }

    /** {@code error["@permanent"]} if the body said it. */
    public Optional<Boolean> permanent() {
        return Optional.ofNullable(permanent);
    }

    /** The server's activity id, or null. */
    public String activityId() {
        return activityId;
    }

    /** The delay the server asked for in {@code Retry-After}, if any. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The response body as text (at most a few KB) when it was not a OneApi error, else null. */
    public String rawBody() {
        return rawBody;
    }

    /** What to do about the error (e.g. the generated command that enables streaming), or null. */
    public String hint() {
        return hint;
    }

    /** True for 429 (throttling). */
    public boolean isThrottled() {
        return status == 429;
    }

    /** True when the service said the request body is too large (413, {@code Stream_InputStreamTooLarge}). */
    public boolean isPayloadTooLarge() {
        return status == 413
                || (code != null
                        && (code.contains("InputStreamTooLarge")
                                || code.contains("FileTooLarge")
                                || code.contains("PayloadTooLarge")));
    }

    /**
     * Transient means retrying may help: 429 always (the official SDKs throw a throttling error whatever the body),
     * else {@code @permanent} when the body says it, else 408 and 5xx (docs/kusto-rules.md §1.5).
     */
    @Override
    public boolean isTransient() {
        if (status == 429) {
            return true;
        }
        if (permanent != null) {
            return !permanent;
        }
        return status == 408 || status >= 500;
    }
}
