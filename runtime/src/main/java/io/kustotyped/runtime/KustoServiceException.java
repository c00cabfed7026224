package io.kustotyped.runtime;

import java.time.Duration;
import java.util.Optional;

/**
 * The service answered with an error status. Carries what the OneApi error body says (docs/kusto-rules.md §1.5):
 * the Kusto error code ({@code error.code}), message, {@code @type}, {@code @message} and {@code @permanent},
 * with the HTTP status, the server's activity id and the client request id. Bodies that are not OneApi JSON
 * (a 401, a proxy's HTML page) keep their first characters in {@link #rawBody()}.
 *
 * <p>Every part the answer may lack is an {@link Optional}. Only the client creates these exceptions; whether one is
 * transient or too large is decided once, from the error code and the HTTP status, when it is created
 * (docs/ingest-outcomes.md).
 */
public final class KustoServiceException extends KustoException {

    private static final long serialVersionUID = 2L;

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
    private final boolean isTransient;
    private final boolean payloadTooLarge;

    /**
     * Package-private: reached only through the client's internal factory ({@code ServiceErrors}), so that the parts
     * of an answer can grow without breaking callers. Every reference argument may be null.
     */
    KustoServiceException(
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
            String hint,
            boolean isTransient,
            boolean payloadTooLarge) {
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
        this.isTransient = isTransient;
        this.payloadTooLarge = payloadTooLarge;
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
        sb.append(" (ClientRequestId='").append(clientRequestId).append('\'');
        if (activityId != null) {
            sb.append(", ActivityId='").append(activityId).append('\'');
        }
        sb.append(')');
        if (hint != null) {
            sb.append(". ").append(hint);
        }
        return sb.toString();
    }

    /** The HTTP status (200 for an error reported inside a successful query response). */
    public int status() {
        return status;
    }

    /** The Kusto error code ({@code error.code}, e.g. {@code BadRequest_MappingReferenceWasNotFound}). */
    public Optional<String> code() {
        return Optional.ofNullable(code);
    }

    /** {@code error.message}. */
    public Optional<String> errorMessage() {
        return Optional.ofNullable(errorMessage);
    }

    /** {@code error["@type"]}, the service's exception type. */
    public Optional<String> type() {
        return Optional.ofNullable(type);
    }

    /** {@code error["@message"]}, the detailed description. */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    /** {@code error["@permanent"]}, if the body said it. */
    public Optional<Boolean> permanent() {
        return Optional.ofNullable(permanent);
    }

    /** The server's activity id ({@code x-ms-activity-id}, or {@code @context.activityId}). */
    public Optional<String> activityId() {
        return Optional.ofNullable(activityId);
    }

    /** The delay the server asked for in {@code Retry-After}. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** The response body as text (at most a few KB), when it was not a OneApi error. */
    public Optional<String> rawBody() {
        return Optional.ofNullable(rawBody);
    }

    /** What to do about the error: the token sources, the generated command to run, the retry limits reached. */
    public Optional<String> hint() {
        return Optional.ofNullable(hint);
    }

    /** True for 429 (throttling). */
    public boolean isThrottled() {
        return status == 429;
    }

    /** True when the service said the request body is too large (413, {@code Stream_InputStreamTooLarge}). */
    public boolean isPayloadTooLarge() {
        return payloadTooLarge;
    }

    /**
     * Transient means retrying may help: 429 always (the official SDKs throw a throttling error whatever the body),
     * else what the error code is documented to be, else {@code @permanent} when the body says it, else 408 and 5xx
     * (docs/kusto-rules.md §1.5, docs/ingest-outcomes.md).
     */
    @Override
    public boolean isTransient() {
        return isTransient;
    }
}
