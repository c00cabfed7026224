package io.kustotyped.runtime;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kustotyped.runtime.json.KustoScalars;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decodes the cells of an untyped result table ({@link KustoResultTable}) from a streaming parser, by the column's
 * Kusto type (docs/kusto-rules.md §6.2, §6.3): {@code long} to {@code Long} and {@code int} to {@code Integer} whatever
 * their size, {@code real} to {@code Double} (the strings {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}
 * included), {@code decimal} to {@code BigDecimal} with its exact digits, {@code bool} to {@code Boolean},
 * {@code string}, {@code datetime}, {@code timespan} and {@code guid} to the service's text, {@code dynamic} to a
 * Vert.x {@code JsonObject}/{@code JsonArray} or a plain scalar. Internal.
 */
final class Cells {

    private Cells() {}

    /** The Kusto type of a column: its {@code ColumnType}, or the Kusto name of the .NET {@code DataType} (v1). */
    static String kustoType(String type) {
        if (type == null) {
            return "dynamic";
        }
        String t = type.startsWith("System.") ? type.substring("System.".length()) : type;
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "long", "int64" -> "long";
            case "int", "int32", "int16", "byte" -> "int";
            case "real", "double", "single" -> "real";
            case "bool", "boolean", "sbyte" -> "bool";
            case "string" -> "string";
            case "datetime", "date" -> "datetime";
            case "timespan", "time" -> "timespan";
            case "guid", "uuid", "uniqueid" -> "guid";
            case "decimal", "data.sqltypes.sqldecimal" -> "decimal";
            default -> "dynamic"; // dynamic, object, and anything newer: read as JSON
        };
    }

    /** Reads one row; {@code p} is on its {@code START_ARRAY} and is left on its {@code END_ARRAY}. */
    static List<Object> row(JsonParser p, String[] kustoTypes) throws IOException {
        List<Object> values = new ArrayList<>(kustoTypes.length);
        int i = 0;
        while (p.nextToken() != JsonToken.END_ARRAY) {
            values.add(cell(p, i < kustoTypes.length ? kustoTypes[i] : "dynamic"));
            i++;
        }
        return values;
    }

    /** Reads the value {@code p} is on (its last token when structured). */
    static Object cell(JsonParser p, String kustoType) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        boolean number = t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT;
        return switch (kustoType) {
            case "long" ->
                number
                        ? (Object) p.getLongValue()
                        : Long.valueOf(p.getValueAsString().trim());
            case "int" ->
                number
                        ? (Object) p.getIntValue()
                        : Integer.valueOf(p.getValueAsString().trim());
            case "real" -> number ? (Object) p.getDoubleValue() : (Object) KustoScalars.parseReal(p.getText());
            case "decimal" -> KustoScalars.parseDecimal(p.getText()); // a string, or a number's exact digits
            case "bool" ->
                t == JsonToken.VALUE_TRUE
                        || (t != JsonToken.VALUE_FALSE
                                && (number
                                        ? p.getLongValue() != 0
                                        : "true".equalsIgnoreCase(p.getText().trim())));
            case "string", "datetime", "timespan", "guid" -> t.isStructStart() ? any(p).toString() : p.getText();
            default -> any(p);
        };
    }

    /** A JSON value as Vert.x holds it: {@code JsonObject}, {@code JsonArray}, String, Integer/Long/BigInteger, Double. */
    private static Object any(JsonParser p) throws IOException {
        switch (p.currentToken()) {
            case START_OBJECT -> {
                JsonObject o = new JsonObject();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    p.nextToken();
                    o.put(name, any(p));
                }
                return o;
            }
            case START_ARRAY -> {
                JsonArray a = new JsonArray();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(any(p));
                }
                return a;
            }
            case VALUE_STRING -> {
                return p.getText();
            }
            case VALUE_NUMBER_INT -> {
                return p.getNumberValue(); // Integer, Long or BigInteger, by size
            }
            case VALUE_NUMBER_FLOAT -> {
                return p.getDoubleValue();
            }
            case VALUE_TRUE -> {
                return Boolean.TRUE;
            }
            case VALUE_FALSE -> {
                return Boolean.FALSE;
            }
            case VALUE_NULL -> {
                return null;
            }
            default -> throw new IOException("Unexpected " + p.currentToken() + " in a result cell");
        }
    }

    /** The {@link RowReader} behind {@link KustoClient#executeQuery}: rows of plain values, and the columns seen. */
    static final class UntypedRows implements RowReader<List<Object>> {

        private volatile List<KustoResultTable.Column> columns = List.of();

        @Override
        @SuppressWarnings("unchecked")
        public Class<List<Object>> rowType() {
            return (Class<List<Object>>) (Class<?>) List.class;
        }

        @Override
        public Decoder<List<Object>> bind(List<KustoResultTable.Column> columns) {
            this.columns = List.copyOf(columns);
            String[] types = types(columns);
            return (p, row) -> row(p, types);
        }

        /** The columns of the table read last. */
        List<KustoResultTable.Column> columns() {
            return columns;
        }
    }

    static String[] types(List<KustoResultTable.Column> columns) {
        String[] types = new String[columns.size()];
        for (int i = 0; i < types.length; i++) {
            types[i] = kustoType(columns.get(i).type());
        }
        return types;
    }
}
