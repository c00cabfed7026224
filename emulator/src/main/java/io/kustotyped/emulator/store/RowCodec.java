package io.kustotyped.emulator.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Encodes row cells as JSON for the row files, and decodes them back by column type. */
final class RowCodec {
    private static final JsonNodeFactory F = JsonNodeFactory.instance;

    private RowCodec() {}

    static ArrayNode encode(Object[] row) {
        ArrayNode a = F.arrayNode(row.length);
        for (Object v : row) {
            if (v == null) {
                a.addNull();
            } else if (v instanceof Boolean b) {
                a.add(b);
            } else if (v instanceof Integer i) {
                a.add(i);
            } else if (v instanceof Long l) {
                a.add(l);
            } else if (v instanceof Double d) {
                if (Double.isFinite(d)) {
                    a.add(d);
                } else {
                    a.add(d.toString()); // "NaN", "Infinity", "-Infinity"
                }
            } else if (v instanceof BigDecimal bd) {
                a.add(bd.toString());
            } else if (v instanceof String s) {
                a.add(s);
            } else if (v instanceof Instant t) {
                a.add(Values.formatDatetime(t));
            } else if (v instanceof Duration d) {
                a.add(Long.toString(Values.toTicks(d)));
            } else if (v instanceof UUID u) {
                a.add(u.toString());
            } else if (v instanceof JsonNode n) {
                a.add(n);
            } else {
                throw new IllegalArgumentException(
                        "unsupported cell value type " + v.getClass().getName());
            }
        }
        return a;
    }

    static Object[] decode(JsonNode row, List<ColumnDef> columns) {
        Object[] out = new Object[Math.min(row.size(), columns.size())];
        for (int i = 0; i < out.length; i++) {
            JsonNode n = row.get(i);
            out[i] = n.isNull() ? null : decode(n, columns.get(i).type());
        }
        return out;
    }

    private static Object decode(JsonNode n, ScalarType type) {
        return switch (type) {
            case BOOL -> n.booleanValue();
            case INT -> n.intValue();
            case LONG -> n.longValue();
            case REAL -> n.isTextual() ? Double.valueOf(n.textValue()) : (Object) n.doubleValue();
            case DECIMAL -> new BigDecimal(n.textValue());
            case STRING -> n.textValue();
            case DATETIME -> Values.parseDatetime(n.textValue());
            case TIMESPAN -> Values.ofTicks(Long.parseLong(n.textValue()));
            case GUID -> UUID.fromString(n.textValue());
            case DYNAMIC -> n;
        };
    }
}
