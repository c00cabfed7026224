package io.kustotyped.runtime;

import java.time.Duration;

/**
 * The only place that creates {@link KustoServiceException}s. Their constructor is package-private so that the
 * public API has none to keep stable. Classifies the error once ({@link ErrorRules}) and adds the hint that needs no
 * table ({@link ErrorHints#general}). Internal.
 */
final class ServiceErrors {

    private ServiceErrors() {}

    /**
     * The parts of an error answer. Every reference may be null when the answer lacks it.
     *
     * @param status the HTTP status
     * @param code the OneApi {@code error.code}
     * @param errorMessage {@code error.message}
     * @param type {@code error["@type"]}
     * @param detail {@code error["@message"]}
     * @param permanent {@code error["@permanent"]}
     * @param activityId the {@code x-ms-activity-id} response header, or {@code @context.activityId}
     * @param clientRequestId the request id sent
     * @param retryAfter the {@code Retry-After} delay
     * @param rawBody the body as text (truncated), when it was not OneApi JSON
     */
    public record Answer(
            int status,
            String code,
            String errorMessage,
            String type,
            String detail,
            Boolean permanent,
            String activityId,
            String clientRequestId,
            Duration retryAfter,
            String rawBody) {

        /** An answer whose body was not a OneApi error. */
        public static Answer raw(
                int status, String activityId, String clientRequestId, Duration retryAfter, String body) {
            return new Answer(status, null, null, null, null, null, activityId, clientRequestId, retryAfter, body);
        }
    }

    /** The exception for an answer, with the hint that needs no table (a 401 names the token sources). */
    public static KustoServiceException create(Answer a) {
        ErrorRules.Rule rule = ErrorRules.classify(a.status(), a.code(), a.permanent());
        return create(a, ErrorHints.general(rule.hint()), rule);
    }

    /** The same error with another hint (which replaces the one it had). */
    public static KustoServiceException withHint(KustoServiceException k, String hint) {
        Answer a = new Answer(
                k.status(),
                k.code().orElse(null),
                k.errorMessage().orElse(null),
                k.type().orElse(null),
                k.detail().orElse(null),
                k.permanent().orElse(null),
                k.activityId().orElse(null),
                k.clientRequestId(),
                k.retryAfter().orElse(null),
                k.rawBody().orElse(null));
        KustoServiceException copy = create(a, hint, ErrorRules.classify(a.status(), a.code(), a.permanent()));
        copy.setStackTrace(k.getStackTrace());
        return copy;
    }

    private static KustoServiceException create(Answer a, String hint, ErrorRules.Rule rule) {
        return new KustoServiceException(
                a.status(),
                a.code(),
                a.errorMessage(),
                a.type(),
                a.detail(),
                a.permanent(),
                a.activityId(),
                a.clientRequestId(),
                a.retryAfter(),
                a.rawBody(),
                hint,
                rule.kind() == ErrorRules.Kind.TRANSIENT,
                rule.kind() == ErrorRules.Kind.TOO_LARGE);
    }
}
