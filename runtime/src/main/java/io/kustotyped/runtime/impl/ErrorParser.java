package io.kustotyped.runtime.impl;

import io.kustotyped.runtime.KustoServiceException;
import io.vertx.core.MultiMap;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/** Turns an error response into a {@link KustoServiceException} (docs/kusto-rules.md §1.5). Internal. */
public final class ErrorParser {

    private static final int MAX_RAW_BODY = 2048;

    private ErrorParser() {}

    /**
     * @param status the HTTP status
     * @param headers the response headers
     * @param body the body (may be empty, HTML, or not OneApi JSON)
     * @param clientRequestId the request id sent
     */
    public static KustoServiceException parse(int status, MultiMap headers, Buffer body, String clientRequestId) {
        String activityId = headers.get("x-ms-activity-id");
        Duration retryAfter = Http.parseRetryAfter(headers.get("Retry-After"), ZonedDateTime.now(ZoneOffset.UTC));
        JsonObject error = null;
        if (body != null && body.length() > 0) {
            try {
                Object decoded = Json.decodeValue(body);
                if (decoded instanceof JsonObject o && o.getValue("error") instanceof JsonObject e) {
                    error = e;
                }
            } catch (DecodeException | ClassCastException notJson) {
                error = null;
            }
        }
        if (error == null) {
            return ServiceErrors.create(
                    ServiceErrors.Answer.raw(status, activityId, clientRequestId, retryAfter, rawText(body)));
        }
        if (activityId == null && error.getValue("@context") instanceof JsonObject ctx) {
            activityId = stringOrNull(ctx.getValue("activityId"));
        }
        Object permanent = error.getValue("@permanent");
        Boolean perm = permanent instanceof Boolean b
                ? b
                : permanent instanceof String s && (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false"))
                        ? Boolean.valueOf(s)
                        : null;
        return ServiceErrors.create(new ServiceErrors.Answer(
                status,
                stringOrNull(error.getValue("code")),
                stringOrNull(error.getValue("message")),
                stringOrNull(error.getValue("@type")),
                stringOrNull(error.getValue("@message")),
                perm,
                activityId,
                clientRequestId,
                retryAfter,
                null));
    }

    private static String stringOrNull(Object o) {
        return o == null ? null : o.toString();
    }

    private static String rawText(Buffer body) {
        if (body == null || body.length() == 0) {
            return null;
        }
        int n = Math.min(body.length(), MAX_RAW_BODY);
        String s = new String(body.getBytes(0, n), StandardCharsets.UTF_8)
                .replaceAll("\\s+", " ")
                .trim();
        return n < body.length() ? s + "..." : s;
    }
}
