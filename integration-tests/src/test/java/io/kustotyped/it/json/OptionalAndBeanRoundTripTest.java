package io.kustotyped.it.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Optionals unwrap; classes are read through getters, public fields and inherited properties. */
class OptionalAndBeanRoundTripTest {

    @Test
    void presentOptionalsWriteTheirValue() {
        OptionalRow row = new OptionalRow(
                Optional.of("x"),
                OptionalInt.of(-7),
                OptionalLong.of(Long.MAX_VALUE),
                OptionalDouble.of(Double.NaN),
                Optional.of(Instant.parse("2024-05-06T07:08:09.5Z")),
                OptionalLong.of(1_700_000_000L));
        JsonNode json = Json.write(OptionalRowKustoSchema.INSTANCE, OptionalRowJsonWriter.INSTANCE, row);
        assertEquals("x", json.get("text").textValue());
        assertEquals(-7, json.get("count").intValue());
        assertEquals(Long.MAX_VALUE, json.get("total").longValue());
        assertEquals("NaN", json.get("ratio").textValue());
        assertEquals("2024-05-06T07:08:09.5000000Z", json.get("at").textValue());
        assertEquals(1_700_000_000L, json.get("epochSeconds").longValue());
    }

    @Test
    void emptyAndNullOptionalsWriteNull() {
        OptionalRow empty = new OptionalRow(
                Optional.empty(),
                OptionalInt.empty(),
                OptionalLong.empty(),
                OptionalDouble.empty(),
                Optional.empty(),
                OptionalLong.empty());
        Json.write(OptionalRowKustoSchema.INSTANCE, OptionalRowJsonWriter.INSTANCE, empty)
                .properties()
                .forEach(e -> assertTrue(e.getValue().isNull(), e.getKey()));
        OptionalRow nulls = new OptionalRow(null, null, null, null, null, null);
        Json.write(OptionalRowKustoSchema.INSTANCE, OptionalRowJsonWriter.INSTANCE, nulls)
                .properties()
                .forEach(e -> assertTrue(e.getValue().isNull(), e.getKey()));
    }

    @Test
    void classesAreReadThroughGettersFieldsAndInheritance() {
        BeanRows.Event event = new BeanRows.Event();
        event.sequence = 12;
        event.setSource("svc-a");
        event.message = "hello";
        event.cache = "not a column";
        event.secret = "not a column either";
        event.setLevel(3);
        event.setActive(true);
        JsonNode json = Json.write(BeanRows_EventKustoSchema.INSTANCE, BeanRows_EventJsonWriter.INSTANCE, event);
        // Inherited properties first, then the class's own, in declaration order.
        assertEquals(
                Json.parse("{\"sequence\":12,\"source\":\"svc-a\",\"message\":\"hello\",\"Severity\":3,"
                        + "\"active\":true}"),
                json);
        assertEquals(
                "it-db", BeanRows_EventKustoSchema.INSTANCE.defaultDatabase().orElseThrow());
        assertEquals("Bean Event", BeanRows_EventKustoSchema.TABLE_NAME);
    }
}
