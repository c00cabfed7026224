package io.kustotyped.runtime.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * {@link JsonOutput#dynamic(Object)}: writes a value of static type {@code Object} by {@code instanceof} dispatch,
 * no reflection. Jackson's {@code JsonNode} is handled by {@link JacksonNodes}, touched only when jackson-databind
 * is on the class path and the value is one, so the runtime works without databind.
 */
final class DynamicWriter {

    /** Deeper nesting than this is almost certainly a cycle (a map containing itself). */
    static final int MAX_DEPTH = 512;

    /** {@code com.fasterxml.jackson.databind.JsonNode}, or null when databind is absent. */
    private static final Class<?> JSON_NODE = loadOptional("com.fasterxml.jackson.databind.JsonNode");

    private DynamicWriter() {}

    static void write(JsonOutput out, Object v, int depth) {
        if (v == null) {
            out.nullValue();
        } else if (v instanceof String) {
            out.string((String) v);
        } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
            out.number(((Number) v).longValue());
        } else if (v instanceof Double) {
            out.number(((Double) v).doubleValue());
        } else if (v instanceof Boolean) {
            out.bool(((Boolean) v).booleanValue());
        } else if (v instanceof Float) {
            out.number(((Float) v).floatValue());
        } else if (v instanceof BigDecimal) {
            plainNumber(out, (BigDecimal) v);
        } else if (v instanceof BigInteger) {
            out.decimalDigits(v.toString());
        } else if (v instanceof CharSequence) {
            out.string((CharSequence) v);
        } else if (v instanceof Character) {
            out.string(((Character) v).charValue());
        } else if (JSON_NODE != null && JSON_NODE.isInstance(v)) {
            JacksonNodes.write(out, v, depth); // before Iterable: a JsonNode is Iterable over its values
        } else if (v instanceof Map) {
            map(out, (Map<?, ?>) v, nested(depth, v));
        } else if (v instanceof Iterable) {
            iterable(out, (Iterable<?>) v, nested(depth, v));
        } else if (v instanceof Optional) {
            write(out, ((Optional<?>) v).orElse(null), depth);
        } else if (v.getClass().isArray()) {
            array(out, v, nested(depth, v));
        } else if (!timeOrId(out, v)) {
            if (v instanceof Enum) {
                out.string(((Enum<?>) v).name());
            } else {
                throw new IllegalArgumentException(
                        "Cannot write a " + v.getClass().getName()
                                + " into a dynamic value: supported are String, Number (boxed primitives, BigDecimal,"
                                + " BigInteger), Boolean, Character, Map, Iterable, arrays, Optional, java.time values,"
                                + " Date, UUID, Duration, byte[], Enum and Jackson JsonNode");
            }
        }
    }

    /**
     * A BigDecimal as a plain JSON number with every digit ({@code 1E+3} as {@code 1000}): inside a dynamic value a
     * string would stay a string, so a number is the faithful encoding there.
     */
    static void plainNumber(JsonOutput out, BigDecimal v) {
        out.decimalDigits(v.toPlainString());
    }

    private static boolean timeOrId(JsonOutput out, Object v) {
        if (v instanceof Instant) {
            out.datetime((Instant) v);
        } else if (v instanceof UUID) {
            out.guid((UUID) v);
        } else if (v instanceof Duration) {
            out.timespan((Duration) v);
        } else if (v instanceof OffsetDateTime) {
            out.datetime((OffsetDateTime) v);
        } else if (v instanceof ZonedDateTime) {
            out.datetime((ZonedDateTime) v);
        } else if (v instanceof LocalDateTime) {
            out.datetime((LocalDateTime) v);
        } else if (v instanceof LocalDate) {
            out.datetime((LocalDate) v);
        } else if (v instanceof Date) {
            out.datetime((Date) v);
        } else {
            return false;
        }
        return true;
    }

    static int nested(int depth, Object v) {
        if (depth >= MAX_DEPTH) {
            throw new IllegalArgumentException("dynamic value nested deeper than " + MAX_DEPTH
                    + " levels (a cycle?) at a " + v.getClass().getName());
        }
        return depth + 1;
    }

    private static void map(JsonOutput out, Map<?, ?> m, int depth) {
        out.rawByte('{');
        boolean first = true;
        for (Map.Entry<?, ?> e : m.entrySet()) {
            if (!first) {
                out.rawByte(',');
            }
            first = false;
            Object key = e.getKey();
            if (key == null) {
                throw new IllegalArgumentException("A " + m.getClass().getName() + " in a dynamic value has a null"
                        + " key; JSON object keys cannot be null");
            }
            if (key instanceof CharSequence) {
                out.string((CharSequence) key);
            } else {
                out.string(String.valueOf(key));
            }
            out.rawByte(':');
            write(out, e.getValue(), depth);
        }
        out.rawByte('}');
    }

    private static void iterable(JsonOutput out, Iterable<?> it, int depth) {
        out.rawByte('[');
        Iterator<?> i = it.iterator();
        if (i.hasNext()) {
            write(out, i.next(), depth);
            while (i.hasNext()) {
                out.rawByte(',');
                write(out, i.next(), depth);
            }
        }
        out.rawByte(']');
    }

    private static void array(JsonOutput out, Object a, int depth) {
        if (a instanceof byte[]) {
            out.base64((byte[]) a);
            return;
        }
        if (a instanceof char[]) {
            out.string(java.nio.CharBuffer.wrap((char[]) a));
            return;
        }
        out.rawByte('[');
        if (a instanceof Object[]) {
            Object[] o = (Object[]) a;
            for (int i = 0; i < o.length; i++) {
                comma(out, i);
                write(out, o[i], depth);
            }
        } else if (a instanceof int[]) {
            int[] x = (int[]) a;
            for (int i = 0; i < x.length; i++) {
                comma(out, i);
                out.number(x[i]);
            }
        } else if (a instanceof long[]) {
            long[] x = (long[]) a;
            for (int i = 0; i < x.length; i++) {
                comma(out, i);
                out.number(x[i]);
            }
        } else if (a instanceof double[]) {
            double[] x = (double[]) a;
            for (int i = 0; i < x.length; i++) {
                comma(out, i);
                out.number(x[i]);
            }
        } else if (a instanceof float[]) {
            float[] x = (float[]) a;
            for (int i = 0; i < x.length; i++) {
                comma(out, i);
                out.number(x[i]);
            }
        } else if (a instanceof short[]) {
            short[] x = (short[]) a;
            for (int i = 0; i < x.length; i++) {
                comma(out, i);
                out.number(x[i]);
            }
        } else if (a instanceof boolean[]) {
            boolean[] x = (boolean[]) a;
            for (int i = 0; i < x.length; i++) {
                comma(out, i);
                out.bool(x[i]);
            }
        } else {
            throw new AssertionError("unhandled array type " + a.getClass().getName());
        }
        out.rawByte(']');
    }

    private static void comma(JsonOutput out, int i) {
        if (i > 0) {
            out.rawByte(',');
        }
    }

    private static Class<?> loadOptional(String name) {
        try {
            return Class.forName(name, false, DynamicWriter.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError absent) {
            return null;
        }
    }
}
