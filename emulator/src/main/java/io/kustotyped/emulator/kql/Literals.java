package io.kustotyped.emulator.kql;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kustotyped.emulator.error.KustoErrors;
import io.kustotyped.emulator.store.JsonLimits;
import io.kustotyped.emulator.store.ScalarType;
import io.kustotyped.emulator.store.Values;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/** Values of query literals: plain ({@code 42}, {@code 'x'}, {@code 1d}) and typed ({@code datetime(...)}, ...). */
final class Literals {
    private static final ObjectMapper JSON = JsonLimits.mapper();

    private Literals() {}

    /** A plain literal: number, string, bool or timespan such as {@code 1d}. */
    static Bound plain(Query.Literal l) {
        return switch (l.kind()) {
            case LONG -> new Bound(ScalarType.LONG, row -> l.value());
            case REAL -> new Bound(ScalarType.REAL, row -> l.value());
            case STRING -> new Bound(ScalarType.STRING, row -> l.value());
            case BOOL -> new Bound(ScalarType.BOOL, row -> l.value());
            case TIMESPAN -> {
                Duration d = Values.parseTimespan((String) l.value());
                if (d == null) {
                    throw KustoErrors.syntaxError(
                            "Invalid timespan literal '" + l.value() + "' (at position " + l.position() + ").");
                }
                yield new Bound(ScalarType.TIMESPAN, row -> d);
            }
        };
    }

    /** The value of {@code type(raw)}; {@code type(null)} is the typed null. */
    static Object typed(Query.TypedLiteral t) {
        ScalarType type = ScalarType.parse(t.type());
        String raw = t.raw().strip();
        if (raw.equals("null")) {
            return null;
        }
        Object v = null;
        try {
            v = switch (type) {
                case BOOL ->
                    raw.equalsIgnoreCase("true") ? Boolean.TRUE : raw.equalsIgnoreCase("false") ? Boolean.FALSE : null;
                case INT -> Integer.valueOf(raw);
                case LONG -> Long.valueOf(raw);
                case REAL ->
                    switch (raw.toLowerCase(Locale.ROOT)) {
                        case "nan" -> Double.NaN;
                        case "+inf", "inf" -> Double.POSITIVE_INFINITY;
                        case "-inf" -> Double.NEGATIVE_INFINITY;
                        default -> Double.valueOf(raw);
                    };
                case DECIMAL -> new BigDecimal(raw);
                case STRING -> raw;
                case DATETIME -> Values.parseDatetime(raw);
                case TIMESPAN -> timespan(raw);
                case GUID -> Values.parseGuid(raw);
                case DYNAMIC -> JSON.readTree(raw);
            };
        } catch (NumberFormatException | java.io.IOException e) {
            v = null;
        }
        if (v == null) {
            throw KustoErrors.syntaxError("Invalid " + type.cslName() + " literal '" + t.type() + "(" + raw + ")'"
                    + " (at position " + t.position() + ").");
        }
        return v;
    }

    /** {@code [-][d.]hh:mm[:ss[.fffffff]]}: days only before a '.', so {@code 00:00:02} is two seconds. */
    private static final java.util.regex.Pattern CLOCK = java.util.regex.Pattern.compile(
            "([-+])?(?:(\\d+)\\.)?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,7}))?)?");

    /**
     * The text of {@code timespan(...)}: the .NET clock form parsed here (see {@link #CLOCK}), other forms
     * ({@code 1d}, {@code 2h}, a number of days) by {@link Values#parseTimespan}.
     */
    static Duration timespan(String raw) {
        java.util.regex.Matcher m = CLOCK.matcher(raw);
        if (!m.matches()) {
            return Values.parseTimespan(raw);
        }
        long days = m.group(2) == null ? 0 : Long.parseLong(m.group(2));
        int hours = Integer.parseInt(m.group(3));
        int minutes = Integer.parseInt(m.group(4));
        int seconds = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
        if (hours > 23 || minutes > 59 || seconds > 59) {
            return null;
        }
        String fraction = m.group(6) == null ? "" : m.group(6);
        long ticks = ((days * 24 + hours) * 3600 + minutes * 60L + seconds) * Values.TICKS_PER_SECOND
                + (fraction.isEmpty() ? 0 : Long.parseLong((fraction + "000000").substring(0, 7)));
        return Values.ofTicks("-".equals(m.group(1)) ? -ticks : ticks);
    }
}
