package io.kustotyped.it.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.it.json.DynamicRow.Address;
import io.kustotyped.it.json.DynamicRow.Point;
import io.kustotyped.it.json.ScalarRow.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** dynamic columns: the generated writer turns Java structures into exactly the JSON trees they describe. */
class DynamicRoundTripTest {

    @Test
    void structuresBecomeTheExpectedJsonTrees() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("int", 1);
        properties.put("text", "x\"y");
        properties.put("null", null);
        properties.put("list", List.of(1, "two", 3.5));
        properties.put("nested", Map.of("k", true));
        Map<Level, List<Point>> byLevel = new EnumMap<>(Level.class);
        byLevel.put(Level.INFO, List.of(new Point(1, 2.5), new Point(-3, 0.0)));
        byLevel.put(Level.ERROR, List.of());
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.putArray("a").add(1).add("x").addNull();
        node.put("b", 1.25);
        List<Map<String, List<Double>>> deep = List.of(Map.of("d", Arrays.asList(1.0, null, Double.NaN)));
        DynamicRow row = new DynamicRow(
                properties,
                List.of("a", "é", ""),
                new LinkedHashSet<>(List.of(3, 1, 2)),
                new int[] {Integer.MIN_VALUE, 0, Integer.MAX_VALUE},
                new String[][] {{"a", null}, {}, null},
                new Address("Main St. 1", List.of(new Point(0, -1.5)), "hidden", Instant.parse("2020-02-29T12:00:00Z")),
                byLevel,
                node,
                42L,
                Optional.of(new Point(7, 8)),
                List.of(Optional.of("t"), Optional.empty()),
                deep);

        JsonNode json = Json.write(DynamicRowKustoSchema.INSTANCE, DynamicRowJsonWriter.INSTANCE, row);

        assertEquals(
                Json.parse("{\"int\":1,\"text\":\"x\\\"y\",\"null\":null,\"list\":[1,\"two\",3.5],"
                        + "\"nested\":{\"k\":true}}"),
                json.get("properties"));
        assertEquals(Json.parse("[\"a\",\"é\",\"\"]"), json.get("tags"));
        assertEquals(Json.parse("[3,1,2]"), json.get("codes"));
        assertEquals(Json.parse("[-2147483648,0,2147483647]"), json.get("counts"));
        assertEquals(Json.parse("[[\"a\",null],[],null]"), json.get("grid"));
        // Renamed (@Column) and left-out (@KustoIgnore) properties of nested records; datetimes inside dynamic.
        assertEquals(
                Json.parse("{\"Street Name\":\"Main St. 1\",\"corners\":[{\"x\":0,\"y\":-1.5}],"
                        + "\"since\":\"2020-02-29T12:00:00.0000000Z\"}"),
                json.get("address"));
        assertEquals(
                Json.parse("{\"INFO\":[{\"x\":1,\"y\":2.5},{\"x\":-3,\"y\":0.0}],\"ERROR\":[]}"),
                json.get("pointsByLevel"));
        assertEquals(Json.parse(node.toString()), json.get("node"));
        assertEquals(42L, json.get("anything").longValue());
        assertEquals(Json.parse("{\"x\":7,\"y\":8.0}"), json.get("maybePoint"));
        assertEquals(Json.parse("[\"t\",null]"), json.get("maybeTags"));
        assertEquals(Json.parse("[{\"d\":[1.0,null,\"NaN\"]}]"), json.get("deep"));
    }

    @Test
    void emptyAndNullStructures() {
        DynamicRow row = new DynamicRow(
                Map.of(),
                List.of(),
                new LinkedHashSet<>(),
                new int[0],
                new String[0][],
                new Address(null, null, null, null),
                new EnumMap<>(Level.class),
                null,
                null,
                Optional.empty(),
                new ArrayList<>(Arrays.asList((Optional<String>) null)),
                List.of());
        JsonNode json = Json.write(DynamicRowKustoSchema.INSTANCE, DynamicRowJsonWriter.INSTANCE, row);
        assertEquals(Json.parse("{}"), json.get("properties"));
        assertEquals(Json.parse("[]"), json.get("tags"));
        assertEquals(Json.parse("[]"), json.get("codes"));
        assertEquals(Json.parse("[]"), json.get("counts"));
        assertEquals(Json.parse("[]"), json.get("grid"));
        assertEquals(Json.parse("{\"Street Name\":null,\"corners\":null,\"since\":null}"), json.get("address"));
        assertEquals(Json.parse("{}"), json.get("pointsByLevel"));
        assertTrue(json.get("node").isNull());
        assertTrue(json.get("anything").isNull());
        assertTrue(json.get("maybePoint").isNull());
        assertEquals(Json.parse("[null]"), json.get("maybeTags"));

        DynamicRow allNull = new DynamicRow(null, null, null, null, null, null, null, null, null, null, null, null);
        JsonNode nulls = Json.write(DynamicRowKustoSchema.INSTANCE, DynamicRowJsonWriter.INSTANCE, allNull);
        nulls.properties().forEach(e -> assertTrue(e.getValue().isNull(), e.getKey()));
    }

    @Test
    void aNullMapKeyIsAClearErrorNotASilentDrop() {
        Map<String, Object> properties = new HashMap<>();
        properties.put(null, 1);
        DynamicRow row = new DynamicRow(properties, null, null, null, null, null, null, null, null, null, null, null);
        NullPointerException e = assertThrows(
                NullPointerException.class,
                () -> Json.text(DynamicRowKustoSchema.INSTANCE, DynamicRowJsonWriter.INSTANCE, row));
        assertTrue(e.getMessage().contains("null key"), e.getMessage());
    }
}
