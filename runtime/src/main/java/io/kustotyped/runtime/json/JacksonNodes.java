package io.kustotyped.runtime.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/**
 * Writes a Jackson {@link JsonNode} tree as JSON. Isolated here because jackson-databind is an optional
 * dependency of the runtime: {@link DynamicWriter} only calls this class after checking, without naming
 * {@code JsonNode} itself, that databind is present and the value is a node.
 */
final class JacksonNodes {

    private JacksonNodes() {}

    /** @param node a {@link JsonNode} (typed Object so callers need not load databind) */
    static void write(JsonOutput out, Object node, int depth) {
        writeNode(out, (JsonNode) node, depth);
    }

    private static void writeNode(JsonOutput out, JsonNode n, int depth) {
        switch (n.getNodeType()) {
            case NULL, MISSING -> out.nullValue();
            case BOOLEAN -> out.bool(n.booleanValue());
            case STRING -> out.string(n.textValue());
            case BINARY -> out.base64(binary(n));
            case NUMBER -> number(out, n);
            case ARRAY -> {
                int d = DynamicWriter.nested(depth, n);
                out.rawByte('[');
                for (int i = 0; i < n.size(); i++) {
                    if (i > 0) {
                        out.rawByte(',');
                    }
                    writeNode(out, n.get(i), d);
                }
                out.rawByte(']');
            }
            case OBJECT -> {
                int d = DynamicWriter.nested(depth, n);
                out.rawByte('{');
                boolean first = true;
                for (Map.Entry<String, JsonNode> e : n.properties()) {
                    if (!first) {
                        out.rawByte(',');
                    }
                    first = false;
                    out.string(e.getKey());
                    out.rawByte(':');
                    writeNode(out, e.getValue(), d);
                }
                out.rawByte('}');
            }
            case POJO -> DynamicWriter.write(out, ((com.fasterxml.jackson.databind.node.POJONode) n).getPojo(), depth);
            default -> throw new IllegalArgumentException("Cannot write a JsonNode of type " + n.getNodeType());
        }
    }

    private static void number(JsonOutput out, JsonNode n) {
        switch (n.numberType()) {
            case INT, LONG -> out.number(n.longValue());
            case FLOAT -> out.number(n.floatValue());
            case DOUBLE -> out.number(n.doubleValue());
            case BIG_DECIMAL -> DynamicWriter.plainNumber(out, n.decimalValue());
            case BIG_INTEGER -> out.decimalDigits(n.bigIntegerValue().toString());
            default -> throw new IllegalArgumentException("Cannot write a JsonNode number of type " + n.numberType());
        }
    }

    private static byte[] binary(JsonNode n) {
        try {
            return n.binaryValue();
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Cannot read the bytes of a binary JsonNode", e);
        }
    }
}
