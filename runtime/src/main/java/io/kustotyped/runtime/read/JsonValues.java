package io.kustotyped.runtime.read;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.kustotyped.runtime.json.KustoScalars;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Reads one JSON value, at the parser's current token, as a Java type: what generated {@code RowReader}s call for
 * every cell of a result row and every value inside a dynamic one. Values are read in the forms Kusto writes
 * (docs/kusto-rules.md §6.3) and {@code JsonOutput} writes: datetimes, timespans, guids and decimals as strings
 * (parsed by {@link KustoScalars}), the non-finite reals as {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"},
 * bytes as base64.
 *
 * <p>Methods returning a primitive read JSON {@code null} as zero ({@code false}); the others return {@code null}. A
 * value of the wrong shape, or out of the Java type's range, is an {@link IllegalArgumentException} describing it;
 * the row decoder adds the column and row. Each method leaves the parser on the value's last token.
 *
 * <p>One class past 400 lines on purpose: every generated reader calls these methods as {@code JsonValues.xxx}, so
 * they are the runtime's contract with generated code and stay on one class; each is a few lines of the same idea
 * (one JSON value to one Java type), and moving the bodies elsewhere would only add a delegate per method.
 */
public final class JsonValues {

    private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
    private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

    private JsonValues() {}

    /** Whether the current token is JSON {@code null}. */
    public static boolean isNull(JsonParser p) {
        return p.currentToken() == JsonToken.VALUE_NULL;
    }

    // ---------------------------------------------------------------- booleans and numbers

    /** {@code true}/{@code false}, also {@code 0}/{@code 1} and {@code "true"}/{@code "false"}; null is false. */
    public static boolean bool(JsonParser p) throws IOException {
        Boolean b = boolOrNull(p);
        return b != null && b;
    }

    /** As {@link #bool}, null stays null. */
    public static Boolean boolOrNull(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NUMBER_INT ->
                switch (p.getText()) {
                    case "0" -> Boolean.FALSE;
                    case "1" -> Boolean.TRUE;
                    default -> throw wrong(p, "a bool");
                };
            case VALUE_STRING ->
                switch (p.getText()) {
                    case "true", "True" -> Boolean.TRUE;
                    case "false", "False" -> Boolean.FALSE;
                    default -> throw wrong(p, "a bool");
                };
            default -> throw wrong(p, "a bool");
        };
    }

    /** A whole number in {@code long}'s range: an integer, a real without fraction, or a numeric string. */
    public static long longValue(JsonParser p) throws IOException {
        Long v = longOrNull(p);
        return v == null ? 0L : v;
    }

    /** As {@link #longValue}, null stays null. */
    public static Long longOrNull(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_NUMBER_INT) {
            JsonParser.NumberType type = p.getNumberType();
            if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
                return p.getLongValue();
            }
        }
        BigDecimal exact = exactNumber(p, "a whole number");
        try {
            if (exact.compareTo(LONG_MIN) < 0 || exact.compareTo(LONG_MAX) > 0) {
                throw new ArithmeticException();
            }
            return exact.longValueExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(describe(p) + " is not a whole number in the range of a long");
        }
    }

    /** A whole number in {@code int}'s range; null is 0. */
    public static int intValue(JsonParser p) throws IOException {
        return (int) ranged(p, Integer.MIN_VALUE, Integer.MAX_VALUE, "an int");
    }

    /** As {@link #intValue}, null stays null. */
    public static Integer intOrNull(JsonParser p) throws IOException {
        return isNull(p) ? null : intValue(p);
    }

    /** A whole number in {@code short}'s range; null is 0. */
    public static short shortValue(JsonParser p) throws IOException {
        return (short) ranged(p, Short.MIN_VALUE, Short.MAX_VALUE, "a short");
    }

    /** As {@link #shortValue}, null stays null. */
    public static Short shortOrNull(JsonParser p) throws IOException {
        return isNull(p) ? null : shortValue(p);
    }

    /** A whole number in {@code byte}'s range; null is 0. */
    public static byte byteValue(JsonParser p) throws IOException {
        return (byte) ranged(p, Byte.MIN_VALUE, Byte.MAX_VALUE, "a byte");
    }

    /** As {@link #byteValue}, null stays null. */
    public static Byte byteOrNull(JsonParser p) throws IOException {
        return isNull(p) ? null : byteValue(p);
    }

    private static long ranged(JsonParser p, long min, long max, String what) throws IOException {
        Long v = longOrNull(p);
        if (v == null) {
            return 0;
        }
        if (v < min || v > max) {
            throw new IllegalArgumentException(v + " is out of the range of " + what);
        }
        return v;
    }

    /** A number, or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"} (or any numeric string); null is 0. */
    public static double doubleValue(JsonParser p) throws IOException {
        Double v = doubleOrNull(p);
        return v == null ? 0.0 : v;
    }

    /** As {@link #doubleValue}, null stays null. */
    public static Double doubleOrNull(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> KustoScalars.parseReal(p.getText());
            default -> throw wrong(p, "a real");
        };
    }

    /** As {@link #doubleValue}, narrowed to {@code float}; null is 0. */
    public static float floatValue(JsonParser p) throws IOException {
        return (float) doubleValue(p);
    }

    /** As {@link #floatValue}, null stays null. */
    public static Float floatOrNull(JsonParser p) throws IOException {
        Double v = doubleOrNull(p);
        return v == null ? null : v.floatValue();
    }

    /** A decimal, exactly: a JSON number (its exact text) or a numeric string. */
    public static BigDecimal decimal(JsonParser p) throws IOException {
        return isNull(p) ? null : exactNumber(p, "a decimal");
    }

    /** A decimal without fraction (trailing zeros allowed), exactly. */
    public static BigInteger bigInteger(JsonParser p) throws IOException {
        BigDecimal d = decimal(p);
        if (d == null) {
            return null;
        }
        try {
            return d.toBigIntegerExact();
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(d.toPlainString() + " has a fraction; it is not a BigInteger");
        }
    }

    private static BigDecimal exactNumber(JsonParser p, String what) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new BigDecimal(p.getText());
            case VALUE_STRING -> {
                try {
                    yield new BigDecimal(p.getText());
                } catch (NumberFormatException e) {
                    throw wrong(p, what);
                }
            }
            default -> throw wrong(p, what);
        };
    }

    // ---------------------------------------------------------------- text

    /**
     * Text: a string as it is; a number or bool as its JSON text; an object or array as compact JSON (a dynamic
     * value read into a {@code String}).
     */
    public static String string(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t.isStructStart()) {
            return json(p);
        }
        return p.getText();
    }

    /**
     * As {@link #string}, but the empty string is {@code null}: for an {@code Optional<String>} property, whose empty
     * value a string column (which has no null) stores as the empty string.
     */
    public static String nonEmptyString(JsonParser p) throws IOException {
        String s = string(p);
        return s == null || s.isEmpty() ? null : s;
    }

    /** As {@link #string}, as a {@code char[]}. */
    public static char[] chars(JsonParser p) throws IOException {
        String s = string(p);
        return s == null ? null : s.toCharArray();
    }

    /** A one-character string; the empty string (Kusto's null string) and null are {@code '\0'}. */
    public static char charValue(JsonParser p) throws IOException {
        Character c = charOrNull(p);
        return c == null ? '\0' : c;
    }

    /** A one-character string; the empty string and null are null. */
    public static Character charOrNull(JsonParser p) throws IOException {
        String s = string(p);
        if (s == null || s.isEmpty()) {
            return null;
        }
        if (s.length() != 1) {
            throw new IllegalArgumentException("'" + abbreviate(s) + "' is not one character");
        }
        return s.charAt(0);
    }

    /** A constant of {@code type} by its {@code name()}; the empty string (Kusto's null string) is null. */
    public static <E extends Enum<E>> E enumValue(JsonParser p, Class<E> type) throws IOException {
        String s = string(p);
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + abbreviate(s) + "' is not a constant of " + type.getName() + " "
                    + List.of(type.getEnumConstants()));
        }
    }

    /** Standard base64 text as bytes. */
    public static byte[] bytes(JsonParser p) throws IOException {
        String s = text(p, "base64 text");
        return KustoScalars.parseBase64(s);
    }

    // ---------------------------------------------------------------- datetime, timespan, guid

    /** A datetime string, to 100 ns. */
    public static Instant instant(JsonParser p) throws IOException {
        return KustoScalars.parseDatetime(text(p, "a datetime"));
    }

    /** A datetime, at offset UTC (Kusto keeps no offset). */
    public static OffsetDateTime offsetDateTime(JsonParser p) throws IOException {
        Instant i = instant(p);
        return i == null ? null : i.atOffset(ZoneOffset.UTC);
    }

    /** A datetime, in zone UTC (Kusto keeps no zone). */
    public static ZonedDateTime zonedDateTime(JsonParser p) throws IOException {
        Instant i = instant(p);
        return i == null ? null : i.atZone(ZoneOffset.UTC);
    }

    /** A datetime's UTC date-time. */
    public static LocalDateTime localDateTime(JsonParser p) throws IOException {
        Instant i = instant(p);
        return i == null ? null : LocalDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    /** A datetime's UTC date; a time of day other than midnight is an error (nothing is dropped silently). */
    public static LocalDate localDate(JsonParser p) throws IOException {
        LocalDateTime t = localDateTime(p);
        if (t == null) {
            return null;
        }
        if (!t.toLocalTime().equals(java.time.LocalTime.MIDNIGHT)) {
            throw new IllegalArgumentException("datetime " + t + "Z has a time of day; it is not a LocalDate");
        }
        return t.toLocalDate();
    }

    /** A datetime as a {@link Date}; finer than milliseconds is an error (nothing is dropped silently). */
    public static Date date(JsonParser p) throws IOException {
        Instant i = instant(p);
        if (i == null) {
            return null;
        }
        if (i.getNano() % 1_000_000 != 0) {
            throw new IllegalArgumentException("datetime " + i + " is finer than a millisecond; it is not a Date");
        }
        return new Date(i.toEpochMilli());
    }

    /**
     * A datetime as a count of {@code unitsPerSecond} units since 1970-01-01 (for columns ingested through a
     * {@code DateTimeFromUnix*} transformation); finer than the unit is an error. Null is 0.
     */
    public static long unixTime(JsonParser p, long unitsPerSecond) throws IOException {
        Instant i = instant(p);
        if (i == null) {
            return 0L;
        }
        long nanosPerUnit = 1_000_000_000L / unitsPerSecond;
        if (i.getNano() % nanosPerUnit != 0) {
            throw new IllegalArgumentException("datetime " + i + " is finer than 1/" + unitsPerSecond + " s");
        }
        return Math.addExact(Math.multiplyExact(i.getEpochSecond(), unitsPerSecond), i.getNano() / nanosPerUnit);
    }

    /** As {@link #unixTime}, as a possibly fractional number of units. Null is 0. */
    public static double unixTimeDouble(JsonParser p, long unitsPerSecond) throws IOException {
        Instant i = instant(p);
        if (i == null) {
            return 0.0;
        }
        BigDecimal seconds = BigDecimal.valueOf(i.getEpochSecond()).add(BigDecimal.valueOf(i.getNano(), 9));
        return seconds.multiply(BigDecimal.valueOf(unitsPerSecond)).doubleValue();
    }

    /** A timespan string ({@code [-][d.]hh:mm:ss[.fffffff]}). */
    public static Duration duration(JsonParser p) throws IOException {
        return KustoScalars.parseTimespan(text(p, "a timespan"));
    }

    /** A guid string. */
    public static UUID uuid(JsonParser p) throws IOException {
        return KustoScalars.parseGuid(text(p, "a guid"));
    }

    // ---------------------------------------------------------------- dynamic

    /**
     * Any JSON value as plain Java: {@code null}, {@code Boolean}, {@code Long} (or {@code BigInteger} when larger),
     * {@code Double}, {@code String}, a {@code LinkedHashMap<String, Object>} or an {@code ArrayList<Object>}.
     */
    public static Object object(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT ->
                p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case START_ARRAY -> {
                List<Object> list = new ArrayList<>();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    list.add(object(p));
                }
                yield list;
            }
            case START_OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    p.nextToken();
                    map.put(key, object(p));
                }
                yield map;
            }
            default -> throw wrong(p, "a JSON value");
        };
    }

    /**
     * Any JSON value as a Jackson {@code JsonNode} of class {@code type} ({@code JsonNode} or a subclass such as
     * {@code ObjectNode}); JSON null is {@code null}. Needs jackson-databind, as a {@code JsonNode} property does.
     */
    public static <N> N jsonNode(JsonParser p, Class<N> type) throws IOException {
        if (isNull(p)) {
            return null;
        }
        Object node = JacksonTrees.read(p);
        if (!type.isInstance(node)) {
            throw new IllegalArgumentException(
                    "a JSON " + node.getClass().getSimpleName() + " is not a " + type.getName());
        }
        return type.cast(node);
    }

    /**
     * A number of any kind: {@code Long} (or {@code BigInteger}) for whole numbers, {@code Double} otherwise, also
     * from {@code "NaN"} and the infinities; null stays null.
     */
    public static Number number(JsonParser p) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NULL -> null;
            case VALUE_NUMBER_INT ->
                p.getNumberType() == JsonParser.NumberType.BIG_INTEGER ? p.getBigIntegerValue() : p.getLongValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_STRING -> KustoScalars.parseReal(p.getText());
            default -> throw wrong(p, "a number");
        };
    }

    /** A map key that names a constant of {@code type}. */
    public static <E extends Enum<E>> E enumKey(String key, Class<E> type) {
        try {
            return Enum.valueOf(type, key);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key '" + abbreviate(key) + "' is not a constant of " + type.getName());
        }
    }

    /** A map key of one character. */
    public static Character charKey(String key) {
        if (key.length() != 1) {
            throw new IllegalArgumentException("key '" + abbreviate(key) + "' is not one character");
        }
        return key.charAt(0);
    }

    /** A map key {@code true} or {@code false}. */
    public static Boolean booleanKey(String key) {
        return switch (key) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> throw new IllegalArgumentException("key '" + abbreviate(key) + "' is not true or false");
        };
    }

    /** Starts reading an array: true when the current token starts one, false for null; otherwise an error. */
    public static boolean startArray(JsonParser p) {
        return start(p, JsonToken.START_ARRAY, "an array");
    }

    /** Starts reading an object: true when the current token starts one, false for null; otherwise an error. */
    public static boolean startObject(JsonParser p) {
        return start(p, JsonToken.START_OBJECT, "an object");
    }

    private static boolean start(JsonParser p, JsonToken expected, String what) {
        JsonToken t = p.currentToken();
        if (t == expected) {
            return true;
        }
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        throw new IllegalArgumentException("expected " + what + ", got " + describe(p));
    }

    /**
     * Moves to the next key of an object being read and the value after it.
     *
     * @return the key, or {@code null} at the end of the object
     */
    public static String nextKey(JsonParser p) throws IOException {
        if (p.nextToken() != JsonToken.FIELD_NAME) {
            return null;
        }
        String key = p.currentName();
        p.nextToken();
        return key;
    }

    /** Moves to the next element of an array being read; false at its end. */
    public static boolean nextElement(JsonParser p) throws IOException {
        return p.nextToken() != JsonToken.END_ARRAY;
    }

    /** Skips the current value (and everything inside it). */
    public static void skip(JsonParser p) throws IOException {
        p.skipChildren();
    }

    // ---------------------------------------------------------------- helpers

    private static String text(JsonParser p, String what) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_STRING) {
            throw wrong(p, what);
        }
        String s = p.getText();
        // Kusto has no null string: an empty string in a string column that holds these types means null.
        return s.isEmpty() ? null : s;
    }

    static String json(JsonParser p) throws IOException {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = p.getCodec() == null
                ? new com.fasterxml.jackson.core.JsonFactory().createGenerator(w)
                : p.getCodec().getFactory().createGenerator(w)) {
            g.copyCurrentStructure(p);
        }
        return w.toString();
    }

    private static IllegalArgumentException wrong(JsonParser p, String what) throws IOException {
        return new IllegalArgumentException(describe(p) + " is not " + what);
    }

    /** The current value, shortly: {@code 'text'}, {@code 12}, {@code true}, {@code an object}. */
    static String describe(JsonParser p) {
        try {
            JsonToken t = p.currentToken();
            if (t == null) {
                return "(end of input)";
            }
            return switch (t) {
                case START_OBJECT -> "an object";
                case START_ARRAY -> "an array";
                case VALUE_STRING -> "'" + abbreviate(p.getText()) + "'";
                default -> abbreviate(p.getText());
            };
        } catch (IOException e) {
            return String.valueOf(p.currentToken());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }
}
