package io.kustotyped.emulator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.store.ColumnDef;
import io.kustotyped.emulator.store.IngestionMapping;
import io.kustotyped.emulator.store.JsonPath;
import io.kustotyped.emulator.store.MappingElement;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Table;
import io.kustotyped.emulator.store.Values;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies an ingestion mapping to records, producing rows aligned with the table's columns, as Kusto does
 * (docs/kusto-rules.md §3.3, §3.4): JSONPath selection, a {@code Path} not starting with {@code $} as a constant,
 * {@code ConstValue}, the {@code DateTimeFromUnix*}, {@code SourceLineNumber}, {@code SourceLocation},
 * {@code PropertyBagArrayToDictionary}, {@code DropMappedFields} and {@code GetPathElement} transforms, then the
 * value conversions of §4 ({@link Conversions}). Unmapped columns get null ({@code ""} for strings).
 *
 * <p>Without a mapping (separated-values formats only) field {@code i} goes to column {@code i}.
 */
final class MappingEngine {
    /** What {@code SourceLocation} yields for a streamed body: there is no storage artifact ([UNCERTAIN] §3.4). */
    static final String STREAM_SOURCE_LOCATION = "Stream";

    private final List<ColumnDef> columns;
    private final Slot[] slots; // per column; null = unmapped
    private final boolean identity;

    /** One column's source. */
    private record Slot(
            MappingElement element, ScalarType type, JsonPath path, int topLevel, List<JsonPath> droppedPaths) {}

    private MappingEngine(List<ColumnDef> columns, Slot[] slots, boolean identity) {
        this.columns = columns;
        this.slots = slots;
        this.identity = identity;
    }

    /**
     * Prepares a mapping for a table.
     *
     * @param table the target table
     * @param mapping the mapping, or {@code null} for ordinal identity (separated-values formats)
     * @param fields the top-level properties the records hold when they were read without their tree, or
     *     {@code null}
     * @return the engine
     * @throws KustoError 400 {@code BadRequest_InconsistentMapping} when the mapping names a column the table
     *     does not have (streaming ingestion never creates columns, docs/kusto-rules.md §3.1)
     */
    static MappingEngine prepare(Table table, IngestionMapping mapping, TopLevelFields fields) {
        List<ColumnDef> columns = table.columns();
        Slot[] slots = new Slot[columns.size()];
        if (mapping == null) {
            return new MappingEngine(columns, slots, true);
        }
        List<JsonPath> allPaths = new ArrayList<>();
        for (MappingElement e : mapping.elements()) {
            if (e.hasJsonPath()) {
                allPaths.add(JsonPath.compile(e.path()));
            }
        }
        for (MappingElement e : mapping.elements()) {
            int index = indexOf(columns, e.column());
            if (index < 0) {
                throw KustoErrors.badRequest(
                        "BadRequest_InconsistentMapping",
                        "Mapping '" + mapping.name()
                                + "' maps column '" + e.column() + "', which table '" + table.name()
                                + "' does not have; streaming "
                                + "ingestion does not create columns.");
            }
            JsonPath path = e.hasJsonPath() ? JsonPath.compile(e.path()) : null;
            List<JsonPath> dropped = List.of();
            if ("DropMappedFields".equals(e.transform()) && path != null) {
                dropped = new ArrayList<>();
                for (JsonPath other : allPaths) {
                    if (other.steps().size() > path.steps().size()
                            && other.steps().subList(0, path.steps().size()).equals(path.steps())) {
                        dropped.add(other);
                    }
                }
            }
            int topLevel = fields != null && path != null
                    ? fields.indexOf((String) path.steps().get(0))
                    : -1;
            slots[index] = new Slot(e, columns.get(index).type(), path, topLevel, dropped);
        }
        return new MappingEngine(columns, slots, false);
    }

    private static int indexOf(List<ColumnDef> columns, String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Maps one record to a row.
     *
     * @param record the record
     * @return the row, aligned with the table columns at {@link #prepare} time
     */
    Object[] apply(SourceRecord record) {
        Object[] row = new Object[columns.size()];
        if (identity) {
            List<String> fields = record.fields();
            if (fields.size() > columns.size()) {
                throw KustoErrors.badRequest(
                        "Stream_WrongNumberOfFields",
                        "The record at line " + record.lineNumber()
                                + " has " + fields.size() + " fields but the table has " + columns.size()
                                + " columns (no mapping "
                                + "given, so fields map to columns by position).");
            }
            for (int i = 0; i < row.length; i++) {
                row[i] = Conversions.fromText(
                        i < fields.size() ? fields.get(i) : null, columns.get(i).type());
            }
            return row;
        }
        for (int i = 0; i < row.length; i++) {
            Slot slot = slots[i];
            row[i] = slot == null ? Conversions.fromJson(null, columns.get(i).type()) : value(slot, record);
        }
        return row;
    }

    private Object value(Slot slot, SourceRecord record) {
        MappingElement e = slot.element();
        String transform = e.transform() == null ? "" : e.transform();
        if (transform.equals("SourceLocation")) {
            return Conversions.fromText(STREAM_SOURCE_LOCATION, slot.type());
        }
        if (transform.equals("SourceLineNumber")) {
            return slot.type() == ScalarType.LONG
                    ? (Object) record.lineNumber()
                    : Conversions.fromText(Long.toString(record.lineNumber()), slot.type());
        }
        JsonNode node;
        if (e.constValue() != null) {
            node = TextNode.valueOf(e.constValue());
        } else if (e.path() != null && !e.hasJsonPath()) {
            node = TextNode.valueOf(e.path()); // docs/kusto-rules.md §3.1: a Path not starting with '$' is a constant
        } else if (slot.topLevel() >= 0 && record.topLevel() != null) {
            node = record.topLevel()[slot.topLevel()];
        } else if (slot.path() != null && record.json() != null) {
            node = slot.path().select(record.json());
        } else if (e.ordinal() != null && record.fields() != null) {
            node = e.ordinal() < record.fields().size()
                    ? TextNode.valueOf(record.fields().get(e.ordinal()))
                    : null;
        } else {
            node = null;
        }
        if (transform.startsWith("DateTimeFromUnix")) {
            Instant t = unix(node, transform);
            if (t == null) {
                return Conversions.fromJson(null, slot.type());
            }
            // t is whole ticks in range, so it is what its text would parse back to in a datetime column
            return slot.type() == ScalarType.DATETIME ? t : Conversions.fromText(Values.formatDatetime(t), slot.type());
        }
        switch (transform) {
            case "PropertyBagArrayToDictionary" -> node = bagArrayToDictionary(node);
            case "DropMappedFields" -> node = dropMapped(node, slot);
            default -> {
                if (transform.startsWith("GetPathElement")) {
                    node = pathElement(e, transform);
                }
            }
        }
        // A text node converts exactly as the same text from a CSV field would (Conversions.fromText).
        return Conversions.fromJson(node, slot.type());
    }

    private static Instant unix(JsonNode node, String transform) {
        if (node == null || !(node.isNumber() || node.isTextual())) {
            return null;
        }
        long nanosPerUnit = switch (transform) {
            case "DateTimeFromUnixSeconds" -> 1_000_000_000L;
            case "DateTimeFromUnixMilliseconds" -> 1_000_000L;
            case "DateTimeFromUnixMicroseconds" -> 1_000L;
            default -> 1L; // Nanoseconds
        };
        if (node.isInt() || node.isLong()) {
            return Values.fromUnix(node.longValue(), nanosPerUnit);
        }
        BigDecimal amount;
        try {
            amount = node.isNumber()
                    ? node.decimalValue()
                    : new BigDecimal(node.textValue().trim());
        } catch (NumberFormatException ex) {
            return null;
        }
        return Values.fromUnix(amount, nanosPerUnit);
    }

    /** {@code [{"n1":"v1"},{"n2":"v2"}]} becomes {@code {"n1":"v1","n2":"v2"}}; anything else is not a bag array. */
    private static JsonNode bagArrayToDictionary(JsonNode node) {
        if (node == null || !node.isArray()) {
            return null;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        for (JsonNode item : node) {
            if (!item.isObject()) {
                return null;
            }
            out.setAll((ObjectNode) item);
        }
        return out;
    }

    /** The object without the nested fields other elements already map. */
    private static JsonNode dropMapped(JsonNode node, Slot slot) {
        if (node == null || !node.isObject()) {
            return node;
        }
        ObjectNode copy = ((ObjectNode) node).deepCopy();
        int depth = slot.path().steps().size();
        for (JsonPath other : slot.droppedPaths()) {
            List<Object> rest = other.steps().subList(depth, other.steps().size());
            JsonNode parent = copy;
            for (int i = 0; i < rest.size() - 1 && parent != null; i++) {
                Object step = rest.get(i);
                parent = step instanceof String s ? parent.get(s) : parent.get((Integer) step);
            }
            Object last = rest.get(rest.size() - 1);
            if (parent instanceof ObjectNode o && last instanceof String s) {
                o.remove(s);
            }
        }
        return copy;
    }

    /** {@code GetPathElement(i)}: for Path {@code $.a.b.c}, 0 is {@code c}, -1 is {@code b} (docs/kusto-rules.md §3.4). */
    private static JsonNode pathElement(MappingElement e, String transform) {
        if (!e.hasJsonPath()) {
            return null;
        }
        List<Object> steps = JsonPath.compile(e.path()).steps();
        int index;
        try {
            index = Integer.parseInt(transform
                    .substring(transform.indexOf('(') + 1, transform.indexOf(')'))
                    .trim());
        } catch (RuntimeException ex) {
            return null;
        }
        int pos = steps.size() - 1 + index;
        return pos >= 0 && pos < steps.size() ? TextNode.valueOf(String.valueOf(steps.get(pos))) : null;
    }
}
