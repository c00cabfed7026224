package io.kustotyped.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * A compiled mapping JSONPath in the subset Kusto supports (docs/kusto-rules.md §3.3): {@code $}, {@code .prop},
 * {@code ['prop']} / {@code ["prop"]} (also after a dot, {@code $.['a b']}), and {@code [n]}. Wildcards,
 * recursion, unions, slices and {@code @} are rejected.
 */
public final class JsonPath {
    private final String text;
    private final Object[] steps; // String = property, Integer = array index

    private JsonPath(String text, Object[] steps) {
        this.text = text;
        this.steps = steps;
    }

    /**
     * Compiles a path.
     *
     * @param text the path, starting with {@code $}
     * @return the compiled path
     * @throws IllegalArgumentException naming the position and what is wrong when it is not in the subset
     */
    public static JsonPath compile(String text) {
        if (text == null || !text.startsWith("$")) {
            throw new IllegalArgumentException("a JSONPath must start with '$'");
        }
        List<Object> steps = new ArrayList<>();
        int i = 1;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '.') {
                i++;
                if (i < n && text.charAt(i) == '[') {
                    continue; // "$.['name']" variant (json-mapping.md)
                }
                if (i < n && text.charAt(i) == '.') {
                    throw new IllegalArgumentException(
                            "recursive descent '..' is not supported (at position " + i + ")");
                }
                int start = i;
                while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[') {
                    i++;
                }
                String name = text.substring(start, i);
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("empty property name at position " + start);
                }
                if (name.equals("*")) {
                    throw new IllegalArgumentException("wildcards are not supported (at position " + start + ")");
                }
                steps.add(name);
            } else if (c == '[') {
                i++;
                if (i >= n) {
                    throw new IllegalArgumentException("unterminated '[' at position " + (i - 1));
                }
                char q = text.charAt(i);
                if (q == '\'' || q == '"') {
                    StringBuilder name = new StringBuilder();
                    i++;
                    while (i < n && text.charAt(i) != q) {
                        if (text.charAt(i) == '\\' && i + 1 < n) {
                            i++;
                        }
                        name.append(text.charAt(i++));
                    }
                    if (i + 1 >= n || text.charAt(i + 1) != ']') {
                        throw new IllegalArgumentException("unterminated quoted name in brackets");
                    }
                    i += 2;
                    steps.add(name.toString());
                } else {
                    int start = i;
                    while (i < n && Character.isDigit(text.charAt(i))) {
                        i++;
                    }
                    if (i == start || i >= n || text.charAt(i) != ']') {
                        throw new IllegalArgumentException(
                                "only quoted names and non-negative array indexes are supported "
                                        + "in brackets (at position " + start
                                        + "); wildcards, slices, unions and filters are not");
                    }
                    steps.add(Integer.parseInt(text.substring(start, i)));
                    i++;
                }
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at position " + i);
            }
        }
        return new JsonPath(text, steps.toArray());
    }

    /**
     * Selects the value at this path.
     *
     * @param root the record
     * @return the node, or {@code null} when the path is missing (a JSON null gives a {@code NullNode})
     */
    public JsonNode select(JsonNode root) {
        JsonNode node = root;
        for (Object step : steps) {
            if (node == null) {
                return null;
            }
            if (step instanceof String name) {
                node = node.isObject() ? node.get(name) : null;
            } else {
                int index = (Integer) step;
                node = node.isArray() ? node.get(index) : null;
            }
        }
        return node;
    }

    /**
     * The property names along the path, for {@code DropMappedFields}; an index step gives {@code null}.
     *
     * @return the steps as written
     */
    public List<Object> steps() {
        return List.of(steps);
    }

    @Override
    public String toString() {
        return text;
    }
}
