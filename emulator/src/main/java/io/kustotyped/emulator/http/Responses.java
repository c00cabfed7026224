package io.kustotyped.emulator.http;

import io.kustotyped.emulator.error.KustoError;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

/**
 * Writes emulator responses. Every response carries {@code x-ms-client-request-id} (echoed, or generated) and
 * {@code x-ms-activity-id} (docs/kusto-rules.md §1.4); errors carry the OneApi body (§1.5).
 */
public final class Responses {
    /** The content type of JSON responses (docs/kusto-rules.md §6.3). */
    public static final String JSON_CONTENT_TYPE = "application/json; charset=utf-8";

    private Responses() {}

    /**
     * Adds the correlation headers to a response.
     *
     * @param response the response
     * @param info the request's ids
     * @return the response
     */
    public static HttpServerResponse correlate(HttpServerResponse response, RequestInfo info) {
        return response.putHeader("x-ms-client-request-id", info.clientRequestId())
                .putHeader("x-ms-activity-id", info.activityId());
    }

    /**
     * Sends a JSON body.
     *
     * @param request the request to answer
     * @param info its ids
     * @param status the HTTP status
     * @param json the body
     */
    public static void json(HttpServerRequest request, RequestInfo info, int status, String json) {
        HttpServerResponse r = request.response();
        if (r.ended() || r.closed()) {
            return;
        }
        correlate(r, info)
                .setStatusCode(status)
                .putHeader("Content-Type", JSON_CONTENT_TYPE)
                .end(json);
    }

    /**
     * Sends a OneApi error response for a {@link KustoError}.
     *
     * @param request the request to answer
     * @param info its ids
     * @param error the error
     */
    public static void error(HttpServerRequest request, RequestInfo info, KustoError error) {
        json(request, info, error.httpStatus(), OneApiError.toJson(error, info).toString());
    }
}
