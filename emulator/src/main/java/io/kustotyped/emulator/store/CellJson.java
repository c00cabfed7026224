package io.kustotyped.emulator.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The one encoder of a cell value (see {@link Table#rows()} for the types) as JSON, in two forms that differ only
 * for real, decimal and timespan:
 *
 * <ul>
 *   <li>{@link Form#WIRE}, what query and command responses carry (docs/kusto-rules.md §6.3): a real is a number,
 *       or {@code "NaN"}, {@code "Infinity"}, {@code "-Infinity"}; a decimal is a plain string, so clients that read
 *       numbers as double lose no digits; a timespan is {@code [d.]hh:mm:ss[.fffffff]};
 *   <li>{@link Form#EXACT}, what the row files hold, read back by {@link RowCodec}: a real as Java's text of it
 *       (keeps {@code -0.0}), a decimal with its scale ({@code 1.10}, {@code 1E+400}), a timespan as ticks.
 * </ul>
 */
public final class CellJson {
    /** Which of the two forms to write. */
    public enum Form {
        /** Responses to clients (docs/kusto-rules.md §6.3). */
        WIRE,
        /** The row files: every value comes back exactly. */
        EXACT
    }

    private CellJson() {}

    /**
     * Writes one row as a JSON array of its cells.
     *
     * @param g where to write
     * @param row the cells
     * @param form which form
     * @throws IOException from the generator
     */
    public static void writeRow(JsonGenerator g, Object[] row, Form form) throws IOException {
        g.writeStartArray();
        for (Object v : row) {
            write(g, v, form);
        }
        g.writeEndArray();
    }

    /**
     * Writes one cell.
     *
     * @param g where to write
     * @param v the cell: {@code null} or one of the types {@link Table#rows()} lists
     * @param form which form
     * @throws IOException from the generator
     * @throws IllegalArgumentException for a value of any other type
     */
    public static void write(JsonGenerator g, Object v, Form form) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof String s) {
            g.writeString(s);
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Double d) {
            if (form == Form.EXACT) {
                g.writeString(d.toString());
            } else if (Values.realForJson(d) instanceof String special) {
                g.writeString(special);
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof BigDecimal dec) {
            g.writeString(form == Form.EXACT ? dec.toString() : dec.toPlainString());
        } else if (v instanceof Instant t) {
            g.writeString(form == Form.EXACT ? Values.formatDatetime(t) : wireDatetime(t));
        } else if (v instanceof Duration d) {
            g.writeString(form == Form.EXACT ? Long.toString(Values.toTicks(d)) : Values.formatTimespan(d));
        } else if (v instanceof UUID u) {
            g.writeString(u.toString());
        } else if (v instanceof JsonNode n) {
            g.writeTree(n);
        } else {
            throw new IllegalArgumentException(
                    "unsupported cell value type " + v.getClass().getName());
        }
    }

    /**
     * A datetime as Kusto writes it in result rows: {@code yyyy-MM-ddTHH:mm:ss[.FFFFFFF]Z}, the fraction without
     * trailing zeros and left out when zero ({@code 2014-01-01T01:01:01Z}, {@code 2018-05-01T09:32:38.916566Z}), as
     * in the v2 responses the official SDKs test against (docs/kusto-rules.md §6.3).
     */
    static String wireDatetime(Instant t) {
        String full = Values.formatDatetime(t); // ...ss.fffffffZ
        int last = full.length() - 2; // the last fraction digit, before the 'Z'
        while (full.charAt(last) == '0') {
            last--;
        }
        return (full.charAt(last) == '.' ? full.substring(0, last) : full.substring(0, last + 1)) + "Z";
    }
}
