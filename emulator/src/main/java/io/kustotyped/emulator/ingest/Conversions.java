package io.kustotyped.emulator.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Locale;

/**
 * Converts ingested values to column types as Kusto does at ingestion (docs/kusto-rules.md §4.2): a value that does not
 * fit the column type becomes {@code null} and never fails the request; a null or missing string becomes
 * {@code ""}; a string longer than 1 MiB is truncated; a dynamic value larger than 1 MiB becomes null.
 */
public final class Conversions {
    /** docs/kusto-rules.md §1.3: a single string value > 1 MB is truncated. */
    static final int MAX_STRING_CHARS = 1024 * 1024;
    /** docs/kusto-rules.md §1.3: dynamic values > 1 MiB (MaxValueSize) become null. */
    static final int MAX_DYNAMIC_CHARS = 1024 * 1024;

    private static final BigDecimal MAX_DECIMAL = new BigDecimal("99999999999999999999999999999999999999");

    private Conversions() {}

    /**
     * Converts a JSON value (from a mapping path or a whole record).
     *
     * @param node the value; {@code null} when the path is missing
     * @param type the column type
     * @return the cell value
     */
    public static Object fromJson(JsonNode node, ScalarType type) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return type == ScalarType.STRING ? "" : null;
        }
        return switch (type) {
            case STRING ->
                truncate(node.isTextual() ? node.textValue() : node.isValueNode() ? numberText(node) : node.toString());
            case BOOL -> jsonBool(node);
            case INT -> {
                Long l = jsonLong(node);
                yield l == null || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE ? null : (Object) l.intValue();
            }
            case LONG -> jsonLong(node);
            case REAL ->
                node.isNumber() ? (Object) node.doubleValue() : node.isTextual() ? parseReal(node.textValue()) : null;
            case DECIMAL ->
                node.isNumber()
                        ? isNonFinite(node) ? null : checkDecimal(node.decimalValue())
                        : node.isTextual() ? parseDecimal(node.textValue()) : null;
            case DATETIME ->
                node.isTextual() ? Values.parseDatetime(node.textValue()) : null; // numbers need a transform
            case TIMESPAN -> node.isTextual() ? Values.parseTimespan(node.textValue()) : null;
            case GUID -> node.isTextual() ? Values.parseGuid(node.textValue()) : null;
            case DYNAMIC -> dynamic(node);
        };
    }

    /**
     * Converts a text value (a CSV field or a mapping constant). An empty field is null ({@code ""} for strings).
     *
     * @param text the text, or {@code null} when absent
     * @param type the column type
     * @return the cell value
     */
    public static Object fromText(String text, ScalarType type) {
        if (text == null) {
            return type == ScalarType.STRING ? "" : null;
        }
        if (type == ScalarType.STRING) {
            return truncate(text);
        }
        if (text.isEmpty()) {
            return null;
        }
        return switch (type) {
            case BOOL -> parseBool(text.trim());
            case INT -> {
                Long l = parseLong(text.trim());
                yield l == null || l < Integer.MIN_VALUE || l > Integer.MAX_VALUE ? null : (Object) l.intValue();
            }
            case LONG -> parseLong(text.trim());
            case REAL -> parseReal(text.trim());
            case DECIMAL -> parseDecimal(text.trim());
            case DATETIME -> Values.parseDatetime(text);
            case TIMESPAN -> Values.parseTimespan(text);
            case GUID -> Values.parseGuid(text);
            case DYNAMIC -> dynamicText(text);
            case STRING -> text;
        };
    }

    private static String numberText(JsonNode node) {
        if (node.isBigDecimal()) {
            return node.decimalValue().toString();
        }
        return node.asText();
    }

    private static String truncate(String s) {
        return s.length() > MAX_STRING_CHARS ? s.substring(0, MAX_STRING_CHARS) : s;
    }

    private static Boolean jsonBool(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber()) {
            return node.bigIntegerValue().signum() != 0; // SDK datasets send 0/1; tobool(123) is true
        }
        if (node.isTextual()) {
            return parseBool(node.textValue().trim());
        }
        return null;
    }

    private static Boolean parseBool(String s) {
        if (s.equalsIgnoreCase("true") || s.equals("1")) {
            return Boolean.TRUE;
        }
        if (s.equalsIgnoreCase("false") || s.equals("0")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** An integral JSON number (or an integral-valued float such as 2.0, or a numeric string) in long range. */
    private static Long jsonLong(JsonNode node) {
        if (node.isInt() || node.isLong()) {
            return node.longValue(); // the common case, without the BigInteger below
        }
        if (node.isIntegralNumber()) {
            BigInteger b = node.bigIntegerValue();
            return b.bitLength() < 64 ? b.longValue() : null;
        }
        if (node.isNumber() && !isNonFinite(node)) {
            // docs/kusto-rules.md §4.2: a floating point value into an int column is NULL; an exact integer like 2.0 is
            // kept.
            BigDecimal d = node.decimalValue();
            try {
                return d.stripTrailingZeros().scale() <= 0 ? d.longValueExact() : null;
            } catch (ArithmeticException e) {
                return null;
            }
        }
        if (node.isTextual()) {
            return parseLong(node.textValue().trim());
        }
        return null;
    }

    /** NaN and the infinities ({@code ALLOW_NON_NUMERIC_NUMBERS}) fit no integer or decimal column. */
    private static boolean isNonFinite(JsonNode node) {
        return node.isFloatingPointNumber() && !node.isBigDecimal() && !Double.isFinite(node.doubleValue());
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Double parseReal(String s) {
        String t = s.trim();
        switch (t.toLowerCase(Locale.ROOT)) {
            case "nan":
                return Double.NaN;
            case "infinity", "+infinity", "inf", "+inf":
                return Double.POSITIVE_INFINITY;
            case "-infinity", "-inf":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        if (t.isEmpty() || !t.matches("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?")) {
            return null;
        }
        return Double.parseDouble(t);
    }

    private static BigDecimal parseDecimal(String s) {
        try {
            return checkDecimal(new BigDecimal(s.trim()));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** SqlDecimal holds up to 38 digits (docs/kusto-rules.md §4.1); beyond that the value does not fit. */
    private static BigDecimal checkDecimal(BigDecimal d) {
        if (d.abs().compareTo(MAX_DECIMAL) > 0) {
            return null;
        }
        return d.precision() > 38 ? d.round(new java.math.MathContext(38)) : d;
    }

    /** A text field (CSV) into a dynamic column: its JSON value when it is JSON, else the string itself. */
    private static JsonNode dynamicText(String text) {
        try {
            JsonNode parsed = JsonRecordReader.MAPPER.readTree(text);
            if (parsed != null && !parsed.isMissingNode()) {
                return parsed.isNull() ? null : dynamic(parsed);
            }
        } catch (IOException | NumberFormatException e) {
            // not JSON: keep the text
        }
        return dynamic(TextNode.valueOf(text));
    }

    /** docs/kusto-rules.md §4.2: a string holding a JSON object or array lands in a dynamic column as that value. */
    private static JsonNode dynamic(JsonNode node) {
        JsonNode result = node;
        if (node.isTextual()) {
            String t = node.textValue().trim();
            if (t.startsWith("{") || t.startsWith("[")) {
                try {
                    result = JsonRecordReader.MAPPER.readTree(t);
                } catch (IOException | NumberFormatException e) {
                    result = node; // not JSON: keep the string
                }
            }
        }
        if (!result.isValueNode()
                && textBound(result) > MAX_DYNAMIC_CHARS
                && result.toString().length() > MAX_DYNAMIC_CHARS) {
            return null;
        }
        if (result.isTextual() && result.textValue().length() > MAX_DYNAMIC_CHARS) {
            return null;
        }
        return result;
    }

    /**
     * An upper bound on the length of {@code node.toString()}, cheap to compute: every string character may need a
     * six-character escape, numbers take at most their digits and exponent. Stops early past
     * {@link #MAX_DYNAMIC_CHARS}; only when the bound is past it does the value need to be written out.
     */
    private static long textBound(JsonNode node) {
        if (node.isTextual()) {
            return 2 + 6L * node.textValue().length();
        }
        if (node.isBoolean() || node.isNull()) {
            return 5;
        }
        if (node.isInt() || node.isLong() || node.isDouble() || node.isFloat()) {
            return 24;
        }
        if (node.isBigInteger()) {
            return 2 + node.bigIntegerValue().bitLength() / 3;
        }
        if (node.isBigDecimal()) {
            BigDecimal d = node.decimalValue(); // plain or scientific notation
            return 3L + d.precision() + Math.max(Math.abs((long) d.scale()), 13);
        }
        if (node.isObject() || node.isArray()) {
            long bound = 2;
            for (var it = node.properties().iterator();
                    node.isObject() && it.hasNext() && bound <= MAX_DYNAMIC_CHARS; ) {
                var e = it.next();
                bound += 4 + 6L * e.getKey().length() + textBound(e.getValue());
            }
            for (int i = 0; node.isArray() && i < node.size() && bound <= MAX_DYNAMIC_CHARS; i++) {
                bound += 1 + textBound(node.get(i));
            }
            return bound;
        }
        return Long.MAX_VALUE / 4; // anything else: write it out
    }
}
