package io.kustotyped.runtime.json;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/**
 * Parsers for the text forms in which Kusto writes scalar values in query results (docs/kusto-rules.md §6.3): the one
 * implementation the generated readers and the typed accessors of {@link io.kustotyped.runtime.KustoResultTable}
 * share. Each is the inverse of the matching {@link JsonOutput} writer, so a value read back equals the value
 * written (to Kusto's 100 ns ticks).
 *
 * <p>Every parser returns {@code null} for {@code null}, and throws an {@link IllegalArgumentException} quoting the
 * text for anything that is not the type's form; none clamps or rounds silently.
 */
public final class KustoScalars {

    private KustoScalars() {}

    /**
     * A {@code datetime}: {@code yyyy-MM-ddTHH:mm[:ss[.f…]]} with {@code Z}, an offset ({@code +hh:mm}) or no zone
     * (UTC), {@code T} or a space between date and time, or a date alone. Kusto writes
     * {@code 2015-01-01T01:01:01.0000001Z}; up to 9 fraction digits are read (Kusto has 7: 100 ns ticks).
     *
     * @param text the text, or {@code null}
     * @return the instant, or {@code null}
     * @throws IllegalArgumentException when the text is not a datetime
     */
    public static Instant parseDatetime(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int[] pos = {0};
        try {
            int year = digits(text, pos, 4);
            expect(text, pos, '-');
            int month = digits(text, pos, 2);
            expect(text, pos, '-');
            int day = digits(text, pos, 2);
            long epochDay = LocalDate.of(year, month, day).toEpochDay();
            int hour = 0;
            int minute = 0;
            int second = 0;
            int nanos = 0;
            if (pos[0] < n && (text.charAt(pos[0]) == 'T' || text.charAt(pos[0]) == ' ')) {
                pos[0]++;
                hour = digits(text, pos, 2);
                expect(text, pos, ':');
                minute = digits(text, pos, 2);
                if (pos[0] < n && text.charAt(pos[0]) == ':') {
                    pos[0]++;
                    second = digits(text, pos, 2);
                    if (pos[0] < n && text.charAt(pos[0]) == '.') {
                        pos[0]++;
                        nanos = fraction(text, pos);
                    }
                }
                if (hour > 23 || minute > 59 || second > 59) {
                    throw new IllegalArgumentException("time of day out of range");
                }
            }
            int offsetSeconds = 0;
            if (pos[0] < n) {
                char z = text.charAt(pos[0]);
                if (z == 'Z' || z == 'z') {
                    pos[0]++;
                } else if (z == '+' || z == '-') {
                    pos[0]++;
                    int oh = digits(text, pos, 2);
                    expect(text, pos, ':');
                    int om = digits(text, pos, 2);
                    if (oh > 18 || om > 59) {
                        throw new IllegalArgumentException("offset out of range");
                    }
                    offsetSeconds = (z == '-' ? -1 : 1) * (oh * 3600 + om * 60);
                }
            }
            if (pos[0] != n) {
                throw new IllegalArgumentException("unexpected text at position " + pos[0]);
            }
            long epochSecond = epochDay * 86_400L + hour * 3600L + minute * 60L + second - offsetSeconds;
            return Instant.ofEpochSecond(epochSecond, nanos);
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a Kusto datetime (yyyy-MM-ddTHH:mm:ss.fffffffZ): " + e.getMessage());
        }
    }

    /**
     * A {@code timespan} in .NET's constant format, as Kusto writes it: {@code [-][d.]hh:mm:ss[.fffffff]}, days
     * without limit of digits (so {@code -10675199.02:48:05.4775808}, the smallest, reads).
     *
     * @param text the text, or {@code null}
     * @return the duration, or {@code null}
     * @throws IllegalArgumentException when the text is not a timespan
     */
    public static Duration parseTimespan(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        int[] pos = {0};
        try {
            boolean negative = n > 0 && text.charAt(0) == '-';
            if (negative) {
                pos[0]++;
            }
            long days = 0;
            int start = pos[0];
            int dot = -1;
            int colon = text.indexOf(':', start);
            if (colon < 0) {
                throw new IllegalArgumentException("no ':'");
            }
            for (int i = start; i < colon; i++) {
                if (text.charAt(i) == '.') {
                    dot = i;
                    break;
                }
            }
            if (dot >= 0) {
                if (dot == start || dot - start > 9) {
                    throw new IllegalArgumentException("bad day count");
                }
                days = digits(text, pos, dot - start);
                expect(text, pos, '.');
            }
            int hour = digits(text, pos, 2);
            expect(text, pos, ':');
            int minute = digits(text, pos, 2);
            expect(text, pos, ':');
            int second = digits(text, pos, 2);
            int nanos = 0;
            if (pos[0] < n && text.charAt(pos[0]) == '.') {
                pos[0]++;
                nanos = fraction(text, pos);
            }
            if (pos[0] != n) {
                throw new IllegalArgumentException("unexpected text at position " + pos[0]);
            }
            if (hour > 23 || minute > 59 || second > 59) {
                throw new IllegalArgumentException("hours, minutes or seconds out of range");
            }
            long seconds = days * 86_400L + hour * 3600L + minute * 60L + second;
            return negative ? Duration.ofSeconds(-seconds, -nanos) : Duration.ofSeconds(seconds, nanos);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a Kusto timespan ([-][d.]hh:mm:ss[.fffffff]): " + e.getMessage());
        }
    }

    /**
     * A {@code decimal}, exactly: a plain or exponent decimal number (Kusto writes decimals as strings in results).
     *
     * @param text the text, or {@code null}
     * @return the value, with the scale the text has; or {@code null}
     * @throws IllegalArgumentException when the text is not a number
     */
    public static BigDecimal parseDecimal(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a Kusto decimal");
        }
    }

    /**
     * A {@code guid}: 32 hex digits in the 8-4-4-4-12 form, or without hyphens. Stricter than
     * {@link UUID#fromString}, which accepts short groups.
     *
     * @param text the text, or {@code null}
     * @return the UUID, or {@code null}
     * @throws IllegalArgumentException when the text is not a guid
     */
    public static UUID parseGuid(String text) {
        if (text == null) {
            return null;
        }
        int n = text.length();
        boolean hyphens = n == 36;
        if (!hyphens && n != 32) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a Kusto guid (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
        }
        long hi = 0;
        long lo = 0;
        int digit = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (hyphens && (i == 8 || i == 13 || i == 18 || i == 23)) {
                if (c != '-') {
                    throw new IllegalArgumentException(
                            "'" + text + "' is not a Kusto guid (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
                }
                continue;
            }
            int v = Character.digit(c, 16);
            if (v < 0 || c > 'f') {
                throw new IllegalArgumentException(
                        "'" + text + "' is not a Kusto guid (xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx)");
            }
            if (digit < 16) {
                hi = hi << 4 | v;
            } else {
                lo = lo << 4 | v;
            }
            digit++;
        }
        return new UUID(hi, lo);
    }

    /**
     * A {@code real} written as text: {@code "NaN"}, {@code "Infinity"} and {@code "-Infinity"} (how Kusto writes
     * the values JSON cannot hold), or a decimal number.
     *
     * @param text the text
     * @return the value
     * @throws IllegalArgumentException when the text is not a number
     */
    public static double parseReal(String text) {
        switch (text) {
            case "NaN":
                return Double.NaN;
            case "Infinity":
                return Double.POSITIVE_INFINITY;
            case "-Infinity":
                return Double.NEGATIVE_INFINITY;
            default:
                try {
                    return Double.parseDouble(text);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + text + "' is not a Kusto real");
                }
        }
    }

    /**
     * Bytes written as standard base64 ({@code JsonOutput.base64}, RFC 4648 §4, with padding).
     *
     * @param text the text, or {@code null}
     * @return the bytes, or {@code null}
     * @throws IllegalArgumentException when the text is not base64
     */
    public static byte[] parseBase64(String text) {
        if (text == null) {
            return null;
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + abbreviate(text) + "' is not base64: " + e.getMessage());
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "..." : s;
    }

    private static int digits(String s, int[] pos, int count) {
        int p = pos[0];
        if (p + count > s.length()) {
            throw new IllegalArgumentException("too short");
        }
        int v = 0;
        for (int i = p; i < p + count; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                throw new IllegalArgumentException("expected a digit at position " + i);
            }
            v = v * 10 + (c - '0');
        }
        pos[0] = p + count;
        return v;
    }

    /** 1 to 9 fraction digits, as nanoseconds. */
    private static int fraction(String s, int[] pos) {
        int p = pos[0];
        int v = 0;
        int count = 0;
        while (p < s.length() && s.charAt(p) >= '0' && s.charAt(p) <= '9') {
            if (count == 9) {
                throw new IllegalArgumentException("more than 9 fraction digits");
            }
            v = v * 10 + (s.charAt(p) - '0');
            count++;
            p++;
        }
        if (count == 0) {
            throw new IllegalArgumentException("expected fraction digits at position " + p);
        }
        for (int i = count; i < 9; i++) {
            v *= 10;
        }
        pos[0] = p;
        return v;
    }

    private static void expect(String s, int[] pos, char c) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
            throw new IllegalArgumentException("expected '" + c + "' at position " + pos[0]);
        }
        pos[0]++;
    }
}
