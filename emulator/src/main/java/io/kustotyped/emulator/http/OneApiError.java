package io.kustotyped.emulator.http;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.emulator.error.KustoError;
import java.time.Instant;

/**
 * Renders a {@link KustoError} as the OneApi error object Kusto sends in response bodies (docs/kusto-rules.md
 * §1.5): {@code {"error":{"code","message","@type","@message","@context":{...},"@permanent"}}}.
 */
public final class OneApiError {
    private OneApiError() {}

    /**
     * The OneApi error object for an error.
     *
     * @param e the error
     * @param info the request it answers (client request id and activity id go into {@code @context}), or null
     * @return the JSON object, ready to serialize
     */
    public static ObjectNode toJson(KustoError e, RequestInfo info) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode error = f.objectNode();
        error.put("code", e.code());
        error.put("message", e.getMessage());
        error.put("@type", e.atType());
        error.put("@message", e.atMessage());
        ObjectNode context = error.putObject("@context");
        context.put("timestamp", Instant.now().toString());
        context.put("serviceAlias", "KUSTO-TYPED-EMULATOR");
        context.put("machineName", "emulator");
        context.put("processName", "kusto-typed-emulator");
        if (info != null) {
            context.put("clientRequestId", info.clientRequestId());
            context.put("activityId", info.activityId());
        }
        error.put("@permanent", e.permanent());
        error.put("@failureCode", e.httpStatus());
        ObjectNode root = f.objectNode();
        root.set("error", error);
        return root;
    }
}
