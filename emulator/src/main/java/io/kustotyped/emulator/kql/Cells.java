package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.store.ScalarType;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/** Comparison of cell values (docs/kusto-rules.md §4 Java types) for {@code where}, {@code order by} and grouping. */
final class Cells {
    private Cells() {}

    static boolean isNumeric(ScalarType t) {
        return t == ScalarType.INT || t == ScalarType.LONG || t == ScalarType.REAL || t == ScalarType.DECIMAL;
    }

    static boolean isNumber(Object v) {
        return v instanceof Integer || v instanceof Long || v instanceof Double || v instanceof BigDecimal;
    }

    /**
     * Compares two non-null values of comparable types; numbers of different types are promoted (decimal, else
     * real, else long).
     *
     * @return the order, or null when the values are unordered (a NaN)
     */
    static Integer compare(Object a, Object b) {
        if (isNumber(a) && isNumber(b)) {
            if (a instanceof BigDecimal || b instanceof BigDecimal) {
                BigDecimal x = toDecimal(a);
                BigDecimal y = toDecimal(b);
                return x == null || y == null ? null : x.compareTo(y);
            }
            if (a instanceof Double || b instanceof Double) {
                double x = ((Number) a).doubleValue();
                double y = ((Number) b).doubleValue();
                if (Double.isNaN(x) || Double.isNaN(y)) {
                    return null;
                }
                return Double.compare(x, y) == 0 ? 0 : x < y ? -1 : 1;
            }
            return Long.compare(((Number) a).longValue(), ((Number) b).longValue());
        }
        if (a instanceof String x && b instanceof String y) {
            return x.compareTo(y);
        }
        if (a instanceof Instant x && b instanceof Instant y) {
            return x.compareTo(y);
        }
        if (a instanceof Duration x && b instanceof Duration y) {
            return x.compareTo(y);
        }
        if (a instanceof Boolean x && b instanceof Boolean y) {
            return x.compareTo(y);
        }
        if (a instanceof UUID x && b instanceof UUID y) {
            return x.toString().compareTo(y.toString());
        }
        return a.toString().compareTo(b.toString());
    }

    /** A total order for sorting: NaN after every number; values of one column share a type. */
    static int sortCompare(Object a, Object b) {
        Integer c = compare(a, b);
        if (c != null) {
            return c;
        }
        boolean aNaN = a instanceof Double d && d.isNaN();
        boolean bNaN = b instanceof Double d && d.isNaN();
        return Boolean.compare(aNaN, bNaN);
    }

    private static BigDecimal toDecimal(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        if (v instanceof Double d) {
            return d.isNaN() || d.isInfinite() ? null : BigDecimal.valueOf(d);
        }
        return BigDecimal.valueOf(((Number) v).longValue());
    }

    /** A dynamic value as a plain scalar for equality with a typed value: text, number, bool; containers as JSON. */
    static Object scalarOf(Object v) {
        if (!(v instanceof JsonNode n)) {
            return v;
        }
        if (n.isNull() || n.isMissingNode()) {
            return null;
        }
        if (n.isTextual()) {
            return n.textValue();
        }
        if (n.isBoolean()) {
            return n.booleanValue();
        }
        if (n.isIntegralNumber() && n.canConvertToLong()) {
            return n.longValue();
        }
        if (n.isNumber()) {
            return n.decimalValue();
        }
        return n.toString();
    }
}
