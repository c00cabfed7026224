package io.kustotyped.runtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * Turns a dynamic cell into a Jackson {@link JsonNode}. The only class of the untyped results that touches
 * jackson-databind, an optional dependency of the runtime: it is loaded by {@link KustoResultTable#getDynamic} alone.
 * Internal.
 */
final class DynamicNodes {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private DynamicNodes() {}

    static JsonNode of(Object value) {
        try {
            if (value instanceof JsonObject || value instanceof JsonArray) {
                return MAPPER.readTree(value.toString());
            }
            if (value instanceof String s) {
                // v1 answers (management commands) send dynamic values as JSON text; v2 sends JSON, where a string
                // is a string. Text that reads as an object or array is taken as JSON.
                String t = s.trim();
                if (t.startsWith("{") || t.startsWith("[")) {
                    try {
                        return MAPPER.readTree(t);
                    } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
                        return JsonNodeFactory.instance.textNode(s);
                    }
                }
                return JsonNodeFactory.instance.textNode(s);
            }
            return MAPPER.valueToTree(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A dynamic value could not be read as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
