package io.kustotyped.runtime;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The Kusto error a query response reports inside a 200 answer (docs/kusto-rules.md §6.3). Internal. */
final class ResultParser {

    private ResultParser() {}

    /** The Kusto error of a {@code OneApiErrors} array (decoded), or of any other description of a failure. */
    static KustoServiceException errorFrom(Object errors, String requestId) {
        if (errors instanceof String description) {
            // What the service said in another place than OneApiErrors: it is the message.
            return ServiceErrors.create(
                    new ServiceErrors.Answer(200, null, description, null, null, null, null, requestId, null, null));
        }
        if (errors instanceof JsonArray a
                && !a.isEmpty()
                && a.getValue(0) instanceof JsonObject first
                && first.getValue("error") instanceof JsonObject e) {
            Object perm = e.getValue("@permanent");
            return ServiceErrors.create(new ServiceErrors.Answer(
                    200,
                    e.getString("code"),
                    e.getString("message"),
                    e.getString("@type"),
                    e.getString("@message"),
                    perm instanceof Boolean b ? b : null,
                    null,
                    requestId,
                    null,
                    null));
        }
        return ServiceErrors.create(new ServiceErrors.Answer(
                200,
                null,
                "the query reported errors",
                null,
                null,
                null,
                null,
                requestId,
                null,
                String.valueOf(errors)));
    }
}
