package io.kustotyped.emulator.ingest;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.JsonPath;
import io.kustotyped.emulator.store.MappingElement;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Table;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast path for JSON records whose mapping reads only top-level properties ({@code $.Name} or {@code $['Name']},
 * the paths the generated ingestors send): each record is read from the parser straight into one value per mapped
 * property, without building the record's tree.
 *
 * <p>The values are exactly the nodes the record's tree would hold at those properties ({@link
 * JsonRecordReader#MAPPER}'s rules: an integer is an {@link IntNode}, {@link LongNode} or {@link BigIntegerNode} by
 * size, a fraction or exponent a {@link DecimalNode} with its exact text, {@code NaN}/{@code Infinity} a
 * {@link DoubleNode}, an object or array the {@link ObjectNode} or {@link ArrayNode} of those, built the way
 * Jackson's tree deserializer builds them). Every other value is read with the same
 * rules and dropped, so a record the tree path rejects (syntax, limits, a number Jackson cannot convert) is rejected
 * here at the same token with the same exception; a repeated property keeps its last value, as the tree does.
 *
 * <p>One shortcut: a property that only {@code real} columns read gets a number as the {@code double} it converts
 * to, without the {@code BigDecimal} (the docs/kusto-rules.md §4.2 conversion is unchanged: both are the correctly
 * rounded double of the text). Zero (whose sign BigDecimal drops) and numbers beyond the double range (whose
 * exponent BigDecimal may refuse) still take the tree's way.
 */
final class TopLevelFields {
    private final String[] names;
    private final boolean[] realOnly;
    private final Map<String, Integer> index;

    private TopLevelFields(String[] names, boolean[] realOnly) {
        this.names = names;
        this.realOnly = realOnly;
        this.index = new HashMap<>();
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
        }
    }

    /**
     * The top-level properties a mapping reads, or {@code null} when some JSON path is not one top-level property
     * (the record's tree is needed) or the mapping cannot be compiled (the tree path reports that).
     *
     * @param table the target table
     * @param mapping the mapping, or {@code null}
     * @return the fields, or {@code null} for the tree path
     */
    static TopLevelFields of(Table table, IngestionMapping mapping) {
        if (mapping == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        List<Boolean> real = new ArrayList<>();
        for (MappingElement e : mapping.elements()) {
            if (!e.hasJsonPath()) {
                continue;
            }
            List<Object> steps;
            try {
                steps = JsonPath.compile(e.path()).steps();
            } catch (IllegalArgumentException ex) {
                return null;
            }
            if (steps.size() != 1 || !(steps.get(0) instanceof String name)) {
                return null;
            }
            boolean isReal = isRealColumn(table, e.column());
            int at = names.indexOf(name);
            if (at < 0) {
                names.add(name);
                real.add(isReal);
            } else {
                real.set(at, real.get(at) && isReal);
            }
        }
        boolean[] realOnly = new boolean[real.size()];
        for (int i = 0; i < realOnly.length; i++) {
            realOnly[i] = real.get(i);
        }
        return new TopLevelFields(names.toArray(String[]::new), realOnly);
    }

    private static boolean isRealColumn(Table table, String column) {
        for (ColumnDef c : table.columns()) {
            if (c.name().equals(column)) {
                return c.type() == ScalarType.REAL;
            }
        }
        return false;
    }

    /**
     * The position of a property among the values {@link #read} returns.
     *
     * @param name the property
     * @return its index, or -1 when the mapping does not read it
     */
    int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /**
     * Reads one record: the parser is on its {@code START_OBJECT} and is left on the matching {@code END_OBJECT}.
     *
     * @param p the parser
     * @return the value of each mapped property, {@code null} where the record does not have it
     * @throws IOException as reading the record's tree would, at the same token
     */
    JsonNode[] read(JsonParser p) throws IOException {
        JsonNode[] values = new JsonNode[names.length];
        int expected = 0; // properties usually come in the mapping's order: try that before the map
        JsonToken t;
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            int i;
            if (expected < names.length && names[expected].equals(name)) {
                i = expected;
            } else {
                i = indexOf(name);
            }
            JsonToken valueToken = p.nextToken();
            JsonNode value = value(p, valueToken, i >= 0 && realOnly[i]);
            if (i >= 0) {
                values[i] = value;
                expected = i + 1;
            }
        }
        if (t != JsonToken.END_OBJECT) {
            // Not reachable for a well-formed token stream; let the tree reader report it as it would.
            throw new IllegalStateException("unexpected token " + t + " in a JSON object");
        }
        return values;
    }

    /** The node the tree would hold for the value at the current token (see the class comment). */
    private static JsonNode value(JsonParser p, JsonToken t, boolean realOnly) throws IOException {
        switch (t) {
            case VALUE_STRING:
                return TextNode.valueOf(p.getText());
            case VALUE_NUMBER_INT:
                return switch (p.getNumberType()) {
                    case INT -> IntNode.valueOf(p.getIntValue());
                    case LONG -> LongNode.valueOf(p.getLongValue());
                    default -> BigIntegerNode.valueOf(p.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT:
                if (p.getNumberTypeFP() != JsonParser.NumberTypeFP.BIG_DECIMAL && p.isNaN()) {
                    return DoubleNode.valueOf(p.getDoubleValue());
                }
                if (realOnly) {
                    double d = p.getDoubleValue();
                    if (d != 0 && Double.isFinite(d)) {
                        return DoubleNode.valueOf(d);
                    }
                    // 0, -0.0 and overflow: as the tree reads them (an exponent BigDecimal cannot hold throws)
                }
                return DecimalNode.valueOf(p.getDecimalValue());
            case VALUE_TRUE:
                return BooleanNode.TRUE;
            case VALUE_FALSE:
                return BooleanNode.FALSE;
            case VALUE_NULL:
                return NullNode.instance;
            case START_OBJECT:
                ObjectNode object = JsonNodeFactory.instance.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    object.replace(name, value(p, p.nextToken(), false)); // a repeated name: the last value wins
                }
                return object;
            case START_ARRAY:
                ArrayNode array = JsonNodeFactory.instance.arrayNode();
                for (JsonToken item = p.nextToken(); item != JsonToken.END_ARRAY; item = p.nextToken()) {
                    array.add(value(p, item, false));
                }
                return array;
            default: // not produced by a JSON text parser; Jackson's tree decides
                return JsonRecordReader.MAPPER.readTree(p);
        }
    }
}
