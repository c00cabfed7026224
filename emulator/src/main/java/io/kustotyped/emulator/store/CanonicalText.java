package io.kustotyped.emulator.store;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Fast paths of {@link Values} for the canonical forms clients send most (the forms Kusto itself writes): each
 * parser either returns exactly what the general, regular-expression parser in {@link Values} would return for the
 * text, or {@link #NOT_CANONICAL} when the text is not in its form and the general parser must decide.
 */
final class CanonicalText {
    /** The text is not in the canonical form: use the general parser. */
    static final Object NOT_CANONICAL = new Object();

    private CanonicalText() {}

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}, already trimmed.
     *
     * @return the instant truncated to 100 ns, {@code null} for an impossible date or time, or
     *     {@link #NOT_CANONICAL}; the caller still checks the range
     */
    static Object datetime(String s) {
        int n = s.length();
        if (n < 20
                || n > 30
                || s.charAt(4) != '-'
                || s.charAt(7) != '-'
                || s.charAt(10) != 'T'
                || s.charAt(13) != ':'
                || s.charAt(16) != ':'
                || s.charAt(n - 1) != 'Z') {
            return NOT_CANONICAL;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        int hour = digits(s, 11, 13);
        int minute = digits(s, 14, 16);
        int second = digits(s, 17, 19);
        int nanos = 0;
        if (n > 20) {
            if (s.charAt(19) != '.' || n == 21) {
                return NOT_CANONICAL;
            }
            int fraction = digits(s, 20, n - 1);
            if (fraction < 0) {
                return NOT_CANONICAL;
            }
            for (int i = n - 1 - 20; i < 9; i++) {
                fraction *= 10;
            }
            nanos = fraction - fraction % (int) Values.NANOS_PER_TICK;
        }
        if ((year | month | day | hour | minute | second) < 0) {
            return NOT_CANONICAL;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nanos)
                    .toInstant(ZoneOffset.UTC);
        } catch (DateTimeException e) {
            return null;
        }
    }

    /**
     * {@code [-][d.]hh:mm:ss[.f{1,9}]} with at most 8 digits of days, already trimmed.
     *
     * @return the number of 100 ns ticks as a {@code Long}, {@code null} for a field out of range, or
     *     {@link #NOT_CANONICAL}
     */
    static Object timespanTicks(String s) {
        int n = s.length();
        int i = 0;
        boolean negative = n > 0 && s.charAt(0) == '-';
        if (negative) {
            i++;
        }
        int dot = s.indexOf('.', i);
        int colon = s.indexOf(':', i);
        long days = 0;
        if (dot >= 0 && (colon < 0 || dot < colon)) {
            if (dot == i || dot - i > 8) {
                return NOT_CANONICAL;
            }
            days = digits(s, i, dot);
            i = dot + 1;
        }
        if (n - i < 8 || s.charAt(i + 2) != ':' || s.charAt(i + 5) != ':') {
            return NOT_CANONICAL;
        }
        int hours = digits(s, i, i + 2);
        int minutes = digits(s, i + 3, i + 5);
        int seconds = digits(s, i + 6, i + 8);
        i += 8;
        long fractionNanos = 0;
        if (i < n) {
            if (s.charAt(i) != '.' || n - i - 1 < 1 || n - i - 1 > 9) {
                return NOT_CANONICAL;
            }
            int fraction = digits(s, i + 1, n);
            if (fraction < 0) {
                return NOT_CANONICAL;
            }
            for (int k = n - i - 1; k < 9; k++) {
                fraction *= 10;
            }
            fractionNanos = fraction - fraction % (int) Values.NANOS_PER_TICK;
        }
        if ((days | hours | minutes | seconds) < 0) {
            return NOT_CANONICAL;
        }
        if (hours > 23 || minutes > 59 || seconds > 59 || days > 10_675_199) {
            return null;
        }
        long ticks = ((days * 24 + hours) * 3600 + minutes * 60L + seconds) * Values.TICKS_PER_SECOND
                + fractionNanos / Values.NANOS_PER_TICK;
        return negative ? -ticks : ticks;
    }

    /**
     * {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}, any hex case.
     *
     * @return the guid, or {@link #NOT_CANONICAL}
     */
    static Object guid(String s) {
        if (s.length() != 36
                || s.charAt(8) != '-'
                || s.charAt(13) != '-'
                || s.charAt(18) != '-'
                || s.charAt(23) != '-') {
            return NOT_CANONICAL;
        }
        long msb = 0;
        long lsb = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int v = Character.digit(s.charAt(i), 16);
            if (v < 0 || s.charAt(i) > 'f') {
                return NOT_CANONICAL;
            }
            if (i < 19) {
                msb = msb << 4 | v;
            } else {
                lsb = lsb << 4 | v;
            }
        }
        return new UUID(msb, lsb);
    }

    /**
     * {@code 2024-01-01T00:00:00.1234567Z} for years 0 to 9999, else {@code null}.
     *
     * @param instant the value
     * @return the text, or {@code null} outside those years
     */
    static String datetime(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        int year = t.getYear();
        if (year < 0 || year > 9999) {
            return null;
        }
        char[] c = new char[28];
        pad(c, 0, year, 4);
        c[4] = '-';
        pad(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        pad(c, 8, t.getDayOfMonth(), 2);
        c[10] = 'T';
        pad(c, 11, t.getHour(), 2);
        c[13] = ':';
        pad(c, 14, t.getMinute(), 2);
        c[16] = ':';
        pad(c, 17, t.getSecond(), 2);
        c[19] = '.';
        pad(c, 20, (int) (t.getNano() / Values.NANOS_PER_TICK), 7);
        c[27] = 'Z';
        return new String(c);
    }

    /** {@code hh:mm:ss}, then {@code .fffffff} when {@code fraction} (ticks) is not 0. */
    static char[] time(long hours, long minutes, long seconds, long fraction) {
        char[] c = new char[fraction > 0 ? 16 : 8];
        pad(c, 0, hours, 2);
        c[2] = ':';
        pad(c, 3, minutes, 2);
        c[5] = ':';
        pad(c, 6, seconds, 2);
        if (fraction > 0) {
            c[8] = '.';
            pad(c, 9, fraction, 7);
        }
        return c;
    }

    /** Writes {@code value} (not negative) as {@code width} decimal digits, zero-padded. */
    private static void pad(char[] c, int at, long value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            c[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    /** The value of the ASCII digits in {@code [from, to)}, or -1 when one is not a digit. */
    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char ch = s.charAt(i);
            if (ch < '0' || ch > '9') {
                return -1;
            }
            v = v * 10 + (ch - '0');
        }
        return v;
    }
}
