package io.kustotyped.emulator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kustotyped.emulator.error.KustoError;
import io.kustotyped.emulator.error.KustoErrors;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Parses and validates ingestion mapping JSON (docs/kusto-rules.md §3.1) as the mapping commands receive it.
 *
 * <p>Accepts both the {@code Properties} form and the older flat form, keys in any case, the aliases
 * {@code ColumnName}/{@code ColumnType}, property values as strings or numbers, and trailing commas. Every
 * problem is a 400 {@code BadRequest_InvalidMapping} naming the element (0-based) and what is wrong.
 */
public final class MappingParser {
    private static final JsonMapper LENIENT = JsonLimits.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();

    private static final Map<String, String> KINDS = Map.of(
            "json",
            "Json",
            "csv",
            "Csv",
            "avro",
            "Avro",
            "apacheavro",
            "ApacheAvro",
            "parquet",
            "Parquet",
            "orc",
            "Orc",
            "w3clogfile",
            "W3CLogFile",
            "azmonstream",
            "AzMonStream",
            "sstream",
            "SStream");

    /** The transforms of docs/kusto-rules.md §3.4, in canonical spelling. */
    private static final List<String> TRANSFORMS = List.of(
            "PropertyBagArrayToDictionary",
            "SourceLocation",
            "SourceLineNumber",
            "DateTimeFromUnixSeconds",
            "DateTimeFromUnixMilliseconds",
            "DateTimeFromUnixMicroseconds",
            "DateTimeFromUnixNanoseconds",
            "DropMappedFields",
            "BytesAsBase64",
            "GetPathElement");

    /** Canonical property key names (docs/kusto-rules.md §2.5 MappingConsts). */
    private static final List<String> PROPERTY_KEYS =
            List.of("Ordinal", "Path", "ConstValue", "Transform", "Field", "Columns", "StorageDataType");

    private MappingParser() {}

    /**
     * The canonical spelling of a mapping kind: {@code json} gives {@code Json}.
     *
     * @param kind the kind in any case
     * @return the canonical kind
     * @throws KustoError 400 {@code BadRequest_InvalidMapping} for an unknown kind
     */
    public static String canonicalKind(String kind) {
        String canonical = kind == null ? null : KINDS.get(kind.toLowerCase(Locale.ROOT));
        if (canonical == null) {
            throw KustoErrors.invalidMapping("Unknown ingestion mapping kind '" + kind + "'. Known kinds: "
                    + String.join(", ", KINDS.values()) + ".");
        }
        return canonical;
    }

    /**
     * Parses a JSON-kind mapping for a table.
     *
     * @param json the mapping JSON text
     * @param table the target table, whose columns are checked; {@code null} for a database-scope mapping
     * @return the elements in order
     * @throws KustoError 400 {@code BadRequest_InvalidMapping}
     */
    public static List<MappingElement> parse(String json, Table table) {
        return parse("Json", json, table);
    }

    /**
     * Parses a mapping of any kind for a table.
     *
     * @param kind the mapping kind (any case)
     * @param json the mapping JSON text
     * @param table the target table, whose columns are checked; {@code null} for a database-scope mapping
     * @return the elements in order
     * @throws KustoError 400 {@code BadRequest_InvalidMapping}
     */
    public static List<MappingElement> parse(String kind, String json, Table table) {
        String canonicalKind = canonicalKind(kind);
        JsonNode root;
        try {
            root = LENIENT.readTree(json == null ? "" : json);
        } catch (JsonProcessingException e) {
            throw KustoErrors.invalidMapping(canonicalKind + " column mapping isn't valid: it is not valid JSON ("
                    + JsonLimits.describe(e, null) + ").");
        }
        if (root == null || !root.isArray()) {
            throw KustoErrors.invalidMapping(
                    canonicalKind + " column mapping isn't valid: it must be a JSON array of mapping elements.");
        }
        if (root.isEmpty()) {
            throw KustoErrors.invalidMapping(canonicalKind + " column mapping isn't valid: it has no elements.");
        }
        List<MappingElement> elements = new ArrayList<>();
        Set<String> columns = new HashSet<>();
        for (int i = 0; i < root.size(); i++) {
            MappingElement e = element(canonicalKind, i, root.get(i), table);
            if (!columns.add(e.column())) {
                throw KustoErrors.invalidMapping(canonicalKind + " column mapping isn't valid: Two or more mapping "
                        + "elements point to the same column ('" + e.column() + "', element " + i + ").");
            }
            elements.add(e);
        }
        return elements;
    }

    private static MappingElement element(String kind, int index, JsonNode node, Table table) {
        String where = kind + " column mapping isn't valid: element " + index;
        if (!node.isObject()) {
            throw KustoErrors.invalidMapping(where + " is not a JSON object.");
        }
        String column = null;
        String datatype = null;
        Map<String, String> props = new LinkedHashMap<>();
        for (var field : node.properties()) {
            String key = field.getKey().toLowerCase(Locale.ROOT);
            JsonNode value = field.getValue();
            switch (key) {
                case "column", "columnname", "name" -> column = text(value, where, field.getKey());
                case "datatype", "columntype" -> datatype = text(value, where, field.getKey());
                case "properties" -> {
                    if (value.isTextual()) {
                        try {
                            value = LENIENT.readTree(value.asText());
                        } catch (JsonProcessingException e) {
                            throw KustoErrors.invalidMapping(where + " has a 'Properties' string that is not JSON.");
                        }
                    }
                    if (value.isNull()) {
                        continue;
                    }
                    if (!value.isObject()) {
                        throw KustoErrors.invalidMapping(where + ": 'Properties' must be an object.");
                    }
                    for (var prop : value.properties()) {
                        putProperty(props, prop.getKey(), prop.getValue(), where);
                    }
                }
                default -> putProperty(props, field.getKey(), value, where); // flat form: path, transform, ...
            }
        }
        if (column == null || column.isEmpty()) {
            throw KustoErrors.invalidMapping(where + " has no 'column'.");
        }
        where = where + " (column '" + column + "')";
        if (datatype != null && !datatype.isEmpty() && ScalarType.parse(datatype) == null) {
            throw KustoErrors.invalidMapping(where + ": unknown datatype '" + datatype + "'.");
        }
        if (table != null && table.column(column) == null && (datatype == null || datatype.isEmpty())) {
            throw KustoErrors.invalidMapping(where + ": the table '" + table.name()
                    + "' has no such column, and streaming ingestion does not create columns.");
        }
        String transform = canonicalTransform(props.get("Transform"), where);
        if (transform == null) {
            props.remove("Transform");
        } else {
            props.put("Transform", transform);
        }
        String path = props.get("Path");
        String constValue = props.get("ConstValue");
        Integer ordinal = null;
        if (props.containsKey("Ordinal")) {
            try {
                ordinal = Integer.parseInt(props.get("Ordinal").trim());
            } catch (NumberFormatException e) {
                ordinal = -1;
            }
            if (ordinal < 0) {
                throw KustoErrors.invalidMapping(
                        where + ": 'Ordinal' must be a non-negative integer, not '" + props.get("Ordinal") + "'.");
            }
        }
        if (path != null && path.startsWith("$")) {
            try {
                JsonPath.compile(path);
            } catch (IllegalArgumentException e) {
                throw KustoErrors.invalidMapping(where + ": invalid JSONPath '" + path + "': " + e.getMessage()
                        + ". Supported: $, .prop, ['prop'], [n].");
            }
        }
        boolean sourceTransform = "SourceLocation".equals(transform) || "SourceLineNumber".equals(transform);
        boolean hasSource = switch (kind) {
            case "Csv" -> ordinal != null || constValue != null || path != null;
            default -> path != null || constValue != null || props.containsKey("Field");
        };
        if (!hasSource && !sourceTransform) {
            throw KustoErrors.invalidMapping(where + " has no source: give "
                    + ("Csv".equals(kind) ? "'Ordinal'" : "'Path'") + ", 'ConstValue', or the transform "
                    + "'SourceLocation' or 'SourceLineNumber'.");
        }
        return new MappingElement(
                column, datatype == null ? "" : datatype, path, constValue, transform, ordinal, props);
    }

    private static String text(JsonNode value, String where, String key) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isValueNode()) {
            throw KustoErrors.invalidMapping(where + ": '" + key + "' must be a string.");
        }
        return value.asText();
    }

    private static void putProperty(Map<String, String> props, String key, JsonNode value, String where) {
        if (value.isNull()) {
            return;
        }
        String canonical = PROPERTY_KEYS.stream()
                .filter(k -> k.equalsIgnoreCase(key))
                .findFirst()
                .orElse(key);
        props.put(canonical, value.isValueNode() ? value.asText() : value.toString());
    }

    private static String canonicalTransform(String transform, String where) {
        if (transform == null || transform.isBlank() || transform.equalsIgnoreCase("None")) {
            return null;
        }
        String t = transform.trim();
        for (String known : TRANSFORMS) {
            if (known.equalsIgnoreCase(t)) {
                return known;
            }
        }
        if (t.regionMatches(true, 0, "GetPathElement(", 0, 15) && t.endsWith(")")) {
            return "GetPathElement" + t.substring(14);
        }
        throw KustoErrors.invalidMapping(where + ": unknown transform '" + transform + "'. Known transforms: "
                + String.join(", ", TRANSFORMS) + ".");
    }

    /**
     * The normalized stored form {@code .show ... mappings} returns (docs/kusto-rules.md §3.1), e.g.
     * {@code [{"Properties":{"Path":"$.rownumber"},"column":"rownumber","datatype":"int"}]}.
     *
     * @param elements the parsed elements
     * @return compact JSON
     */
    public static String normalize(List<MappingElement> elements) {
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        for (MappingElement e : elements) {
            ObjectNode o = array.addObject();
            ObjectNode props = o.putObject("Properties");
            for (String key : PROPERTY_KEYS) {
                if (e.properties().containsKey(key)) {
                    props.put(key, e.properties().get(key));
                }
            }
            e.properties().forEach((k, v) -> {
                if (!props.has(k)) {
                    props.put(k, v);
                }
            });
            o.put("column", e.column());
            o.put("datatype", e.datatype());
        }
        return array.toString();
    }
}
