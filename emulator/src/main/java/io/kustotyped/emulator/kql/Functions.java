package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * The conversion functions ({@code tostring()}, {@code toint()}, {@code tolong()}, {@code todouble()}/
 * {@code toreal()}, {@code todecimal()}, {@code tobool()}, {@code todatetime()}, {@code totimespan()},
 * {@code toguid()}) and {@code bin()}. A value that does not convert gives null, as in Kusto.
 */
final class Functions {
    /** The conversion functions and their result types. */
    static final Set<String> CONVERSIONS = Set.of(
            "tostring",
            "toint",
            "tolong",
            "todouble",
            "toreal",
            "todecimal",
            "tobool",
            "toboolean",
            "todatetime",
            "totimespan",
            "toguid");

    /** Ticks from 0001-01-01 to 1970-01-01: Kusto bins datetimes from its epoch, 0001-01-01. */
    private static final long TICKS_TO_UNIX_EPOCH = 621_355_968_000_000_000L;

    private Functions() {}

    static ScalarType conversionType(String fn) {
        return switch (fn) {
            case "tostring" -> ScalarType.STRING;
            case "toint" -> ScalarType.INT;
            case "tolong" -> ScalarType.LONG;
            case "todouble", "toreal" -> ScalarType.REAL;
            case "todecimal" -> ScalarType.DECIMAL;
            case "tobool", "toboolean" -> ScalarType.BOOL;
            case "todatetime" -> ScalarType.DATETIME;
            case "totimespan" -> ScalarType.TIMESPAN;
            default -> ScalarType.GUID;
        };
    }

    /** Converts a cell value to the result type of {@code fn}; null when it does not convert. */
    static Object convert(String fn, Object value) {
        Object v = Cells.scalarOf(value);
        if (fn.equals("tostring")) {
            return toText(value);
        }
        if (v == null) {
            return null;
        }
        try {
            return switch (conversionType(fn)) {
                case INT -> {
                    Long l = toLong(v);
                    yield l == null || l != l.intValue() ? null : l.intValue();
                }
                case LONG -> toLong(v);
                case REAL ->
                    v instanceof Number n ? n.doubleValue() : v instanceof String s ? Double.valueOf(s.strip()) : null;
                case DECIMAL ->
                    v instanceof BigDecimal d
                            ? d
                            : v instanceof Number n
                                    ? new BigDecimal(n.toString())
                                    : v instanceof String s ? new BigDecimal(s.strip()) : null;
                case BOOL ->
                    v instanceof Boolean b
                            ? b
                            : v instanceof Number n
                                    ? n.doubleValue() != 0
                                    : v instanceof String s ? parseBool(s) : null;
                case DATETIME -> v instanceof Instant t ? t : v instanceof String s ? Values.parseDatetime(s) : null;
                case TIMESPAN ->
                    v instanceof Duration d ? d : v instanceof String s ? Literals.timespan(s.strip()) : null;
                default -> v instanceof UUID u ? u : v instanceof String s ? Values.parseGuid(s) : null;
            };
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long toLong(Object v) {
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : (long) d.doubleValue();
        }
        if (v instanceof BigDecimal d) {
            return d.longValue();
        }
        if (v instanceof Number n) {
            return n.longValue();
        }
        if (v instanceof Boolean b) {
            return b ? 1L : 0L;
        }
        if (v instanceof String s) {
            return Long.valueOf(s.strip());
        }
        return null;
    }

    private static Boolean parseBool(String s) {
        return switch (s.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            default -> null;
        };
    }

    /** {@code tostring()}: never null; dynamic strings without quotes, other dynamic values as JSON. */
    private static String toText(Object v) {
        if (v == null) {
            return "";
        }
        if (v instanceof JsonNode n) {
            return n.isNull() ? "" : n.isTextual() ? n.textValue() : n.toString();
        }
        if (v instanceof Instant t) {
            return Values.formatDatetime(t);
        }
        if (v instanceof Duration d) {
            return Values.formatTimespan(d);
        }
        if (v instanceof BigDecimal d) {
            return d.toPlainString();
        }
        return v.toString();
    }

    /** The result type of {@code bin(value, size)}, or null when the pair of types is not supported. */
    static ScalarType binType(ScalarType value, ScalarType size) {
        if (value == ScalarType.DATETIME && size == ScalarType.TIMESPAN
                || value == ScalarType.TIMESPAN && size == ScalarType.TIMESPAN) {
            return value;
        }
        if (Cells.isNumeric(value)
                && Cells.isNumeric(size)
                && value != ScalarType.DECIMAL
                && size != ScalarType.DECIMAL) {
            return value == ScalarType.REAL || size == ScalarType.REAL ? ScalarType.REAL : value;
        }
        return null;
    }

    /** {@code bin(value, size)}: rounds down to a multiple of size; null for a null or non-positive size. */
    static Object bin(Object value, Object size, ScalarType type) {
        if (value == null || size == null) {
            return null;
        }
        if (value instanceof Instant t) {
            long step = Values.toTicks((Duration) size);
            if (step <= 0) {
                return null;
            }
            long ticks = Values.toTicks(Duration.between(Instant.EPOCH, t)) + TICKS_TO_UNIX_EPOCH;
            long binned = Math.floorDiv(ticks, step) * step - TICKS_TO_UNIX_EPOCH;
            return Instant.EPOCH.plus(Values.ofTicks(binned));
        }
        if (value instanceof Duration d) {
            long step = Values.toTicks((Duration) size);
            return step <= 0 ? null : Values.ofTicks(Math.floorDiv(Values.toTicks(d), step) * step);
        }
        if (type == ScalarType.REAL) {
            double step = ((Number) size).doubleValue();
            return step <= 0 ? null : Math.floor(((Number) value).doubleValue() / step) * step;
        }
        long step = ((Number) size).longValue();
        if (step <= 0) {
            return null;
        }
        long binned = Math.floorDiv(((Number) value).longValue(), step) * step;
        return type == ScalarType.INT ? (Object) (int) binned : (Object) binned;
    }
}
