package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.kustotyped.emulator.store.Values;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Writes one cell value in the encoding of docs/kusto-rules.md §6.3 (the same in v1 and v2 rows). */
final class JsonValues {
    private JsonValues() {}

    /** Writes the field {@code "Rows"}: an array with one array of cell values per row. */
    static void writeRows(JsonGenerator g, List<Object[]> rows) throws IOException {
        g.writeArrayFieldStart("Rows");
        for (Object[] row : rows) {
            g.writeStartArray();
            for (Object v : row) {
                write(g, v);
            }
            g.writeEndArray();
        }
        g.writeEndArray();
    }

    /**
     * A datetime as Kusto writes it in result rows: {@code yyyy-MM-ddTHH:mm:ss[.FFFFFFF]Z}, the fraction without
     * trailing zeros and left out when zero ({@code 2014-01-01T01:01:01Z}, {@code 2018-05-01T09:32:38.916566Z}), as
     * in the v2 responses the official SDKs test against (docs/kusto-rules.md §6.3).
     */
    static String datetime(Instant t) {
        String full = Values.formatDatetime(t); // ...ss.fffffffZ
        int end = full.length() - 1; // the 'Z'
        int last = end - 1;
        while (full.charAt(last) == '0') {
            last--;
        }
        return full.charAt(last) == '.' ? full.substring(0, last) + "Z" : full.substring(0, last + 1) + "Z";
    }

    static void write(JsonGenerator g, Object v) throws IOException {
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
            // docs/kusto-rules.md §6.3: NaN and ±inf are written as the strings "NaN", "Infinity", "-Infinity".
            Object out = Values.realForJson(d);
            if (out instanceof String s) {
                g.writeString(s);
            } else {
                g.writeNumber(d);
            }
        } else if (v instanceof BigDecimal dec) {
            // docs/kusto-rules.md §6.3 (decimal): a string, so no precision is lost in clients that read JSON numbers
            // as
            // double.
            g.writeString(dec.toPlainString());
        } else if (v instanceof Instant t) {
            g.writeString(datetime(t));
        } else if (v instanceof Duration d) {
            g.writeString(Values.formatTimespan(d));
        } else if (v instanceof UUID u) {
            g.writeString(u.toString());
        } else if (v instanceof JsonNode n) {
            g.writeTree(n);
        } else {
            throw new IllegalStateException(
                    "Unexpected cell value type " + v.getClass().getName());
        }
    }
}
