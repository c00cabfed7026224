package io.kustotyped.emulator.store;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parsing and formatting of Kusto scalar values, shared by ingestion and the query layer (docs/kusto-rules.md §4).
 *
 * <p>Every {@code parse*} method returns {@code null} when the text is not a value of that type; the
 * caller decides whether that is a null cell (ingestion, §4.2) or an error (a query literal).
 */
public final class Values {
    /** 100 ns: Kusto's tick. */
    public static final long NANOS_PER_TICK = 100;
    /** Ticks in one second. */
    public static final long TICKS_PER_SECOND = 10_000_000L;

    private static final long TICKS_PER_DAY = 86_400L * TICKS_PER_SECOND;

    private static final Instant MIN_DATETIME = Instant.parse("0001-01-01T00:00:00Z");
    private static final Instant MAX_DATETIME = Instant.parse("9999-12-31T23:59:59.9999999Z");

    // docs/kusto-rules.md §4.2 datetime: ISO 8601 with 'T' or ' ', optional seconds/fraction/zone, or a date alone.
    private static final Pattern ISO = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:[Tt ](\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
            + "\\s*(Z|z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?");

    // RFC 822 / RFC 850 / RFC 1123 forms (docs/kusto-rules.md §4.2).
    private static final List<DateTimeFormatter> RFC_FORMATS = List.of(
            rfc("EEE, d MMM yyyy HH:mm:ss"),
            rfc("EEE, d MMM yy HH:mm:ss"),
            rfc("EEEE, d-MMM-yy HH:mm:ss"),
            rfc("EEEE, d-MMM-yyyy HH:mm:ss"),
            rfc("d MMM yyyy HH:mm:ss"),
            rfc("EEE, d MMM yyyy HH:mm"),
            rfc("EEE, d MMM yy HH:mm"));

    // .NET TimeSpan "c" and "g" forms: [-][d.]hh:mm[:ss[.fffffff]] and [-][d:]h:mm:ss[.fffffff] (docs/kusto-rules.md
    // §4.2).
    private static final Pattern DOTNET_TIMESPAN = Pattern.compile(
            // Days come before a '.', or before a ':' only when three more colon-separated parts follow ("g" form);
            // so "00:00:02" is two seconds, never two minutes.
            "([-+])?(?:(\\d+)\\.|(\\d+):(?=\\d{1,2}:\\d{1,2}:\\d{1,2}))?(\\d{1,2}):(\\d{1,2})(?::(\\d{1,2})(?:\\.(\\d{1,9}))?)?");
    private static final Pattern DAYS_ONLY = Pattern.compile("([-+])?(\\d{1,8})");
    // KQL timespan literals: 2d, 1.5h, 30m, 10s, 100ms, 10microsecond, 1tick.
    private static final Pattern KQL_TIMESPAN = Pattern.compile(
            "([-+])?(\\d+(?:\\.\\d+)?)\\s*(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?|ms|millis?"
                    + "|milliseconds?|microsecond|microseconds|micros?|ticks?)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern HEX32 = Pattern.compile("[0-9a-fA-F]{32}");
    private static final Pattern GUID36 =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private Values() {}

    private static DateTimeFormatter rfc(String pattern) {
        return new DateTimeFormatterBuilder()
                .parseCaseInsensitive()
                .appendPattern(pattern)
                .optionalStart()
                .appendLiteral(' ')
                .appendPattern("z")
                .optionalEnd()
                .toFormatter(Locale.ENGLISH);
    }

    // ---- datetime -----------------------------------------------------------------------------------

    /**
     * Parses a datetime in the forms Kusto accepts (docs/kusto-rules.md §4.2): ISO 8601 with {@code T} or a space, with
     * or without seconds, fraction (up to 7 digits are kept) and zone ({@code Z}, {@code ±hh:mm}; none means
     * UTC), a date alone, and the RFC 822/850/1123 forms.
     *
     * @param text the text, surrounding white space ignored
     * @return the instant truncated to 100 ns, or {@code null} when it is not a datetime in range 0001–9999
     */
    public static Instant parseDatetime(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.isEmpty()) {
            return null;
        }
        Object canonical = CanonicalText.datetime(s);
        Instant result = canonical != CanonicalText.NOT_CANONICAL ? (Instant) canonical : parseIso(s);
        if (result == null) {
            result = parseRfc(s);
        }
        if (result == null || result.isBefore(MIN_DATETIME) || result.isAfter(MAX_DATETIME)) {
            return null;
        }
        return result;
    }

    static Instant parseIso(String s) { // package-private: CanonicalTextTest compares the fast path with it
        Matcher m = ISO.matcher(s);
        if (!m.matches()) {
            return null;
        }
        try {
            int year = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            int hour = m.group(4) == null ? 0 : Integer.parseInt(m.group(4));
            int minute = m.group(5) == null ? 0 : Integer.parseInt(m.group(5));
            int second = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            int nanos = fractionToNanos(m.group(7));
            LocalDateTime local = LocalDateTime.of(year, month, day, hour, minute, second, nanos);
            ZoneOffset offset = offset(m.group(8));
            return local.toInstant(offset);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null || zone.equalsIgnoreCase("Z") || zone.equals("UTC") || zone.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = zone.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() > 2 ? Integer.parseInt(digits.substring(2)) : 0;
        int sign = zone.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** Up to 9 fraction digits to nanoseconds, truncated to whole ticks (100 ns). */
    private static int fractionToNanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        String padded = (fraction + "000000000").substring(0, 9);
        int nanos = Integer.parseInt(padded);
        return nanos - nanos % (int) NANOS_PER_TICK;
    }

    private static Instant parseRfc(String s) {
        for (DateTimeFormatter f : RFC_FORMATS) {
            try {
                var parsed = f.parse(s);
                LocalDateTime local = LocalDateTime.of(
                        parsed.get(ChronoField.YEAR),
                        parsed.get(ChronoField.MONTH_OF_YEAR),
                        parsed.get(ChronoField.DAY_OF_MONTH),
                        parsed.get(ChronoField.HOUR_OF_DAY),
                        parsed.get(ChronoField.MINUTE_OF_HOUR),
                        parsed.isSupported(ChronoField.SECOND_OF_MINUTE)
                                ? parsed.get(ChronoField.SECOND_OF_MINUTE)
                                : 0);
                try {
                    return ZonedDateTime.from(parsed).toInstant();
                } catch (DateTimeException noZone) {
                    return local.toInstant(ZoneOffset.UTC);
                }
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return null;
    }

    /**
     * Formats a datetime as Kusto writes it: {@code 2024-01-01T00:00:00.1234567Z}, always 7 fraction digits.
     *
     * @param instant the value
     * @return the text
     */
    public static String formatDatetime(Instant instant) {
        String fast = CanonicalText.datetime(instant);
        return fast != null ? fast : formatDatetimeGeneral(instant);
    }

    /** {@link #formatDatetime} without the fast path. */
    static String formatDatetimeGeneral(Instant instant) {
        LocalDateTime t = LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        return String.format(
                Locale.ROOT,
                "%04d-%02d-%02dT%02d:%02d:%02d.%07dZ",
                t.getYear(),
                t.getMonthValue(),
                t.getDayOfMonth(),
                t.getHour(),
                t.getMinute(),
                t.getSecond(),
                t.getNano() / NANOS_PER_TICK);
    }

    /** {@link #fromUnix(java.math.BigDecimal, long)} for a whole count, in long arithmetic where it fits. */
    public static Instant fromUnix(long amount, long nanosPerUnit) {
        long nanos;
        try {
            nanos = Math.multiplyExact(amount, nanosPerUnit);
        } catch (ArithmeticException e) {
            return fromUnix(java.math.BigDecimal.valueOf(amount), nanosPerUnit);
        }
        long ticks = Math.floorDiv(nanos, NANOS_PER_TICK);
        // as the BigDecimal form: whole seconds toward zero, the rest (possibly negative) as nanoseconds
        Instant result = Instant.ofEpochSecond(ticks / TICKS_PER_SECOND, ticks % TICKS_PER_SECOND * NANOS_PER_TICK);
        return result.isBefore(MIN_DATETIME) || result.isAfter(MAX_DATETIME) ? null : result;
    }

    /**
     * The instant for a count of Unix time units since 1970-01-01 (the {@code DateTimeFromUnix*} transforms).
     *
     * @param amount the count, possibly fractional
     * @param nanosPerUnit nanoseconds in one unit (1e9 for seconds, 1e6 for milliseconds, ...)
     * @return the instant truncated to 100 ns, or {@code null} when it is out of Kusto's datetime range
     */
    public static Instant fromUnix(java.math.BigDecimal amount, long nanosPerUnit) {
        java.math.BigDecimal nanos = amount.multiply(java.math.BigDecimal.valueOf(nanosPerUnit));
        java.math.BigInteger ticks = nanos.divide(
                        java.math.BigDecimal.valueOf(NANOS_PER_TICK), 0, java.math.RoundingMode.FLOOR)
                .toBigInteger();
        java.math.BigInteger[] secAndRest = ticks.divideAndRemainder(java.math.BigInteger.valueOf(TICKS_PER_SECOND));
        long seconds = secAndRest[0].longValue();
        long restTicks = secAndRest[1].longValue();
        if (secAndRest[0].bitLength() > 40) {
            return null;
        }
        Instant result = Instant.ofEpochSecond(seconds, restTicks * NANOS_PER_TICK);
        return result.isBefore(MIN_DATETIME) || result.isAfter(MAX_DATETIME) ? null : result;
    }

    /** Truncates an instant to whole ticks (100 ns). */
    public static Instant truncateToTicks(Instant instant) {
        return instant.minusNanos(Math.floorMod(instant.getNano(), NANOS_PER_TICK));
    }

    // ---- timespan -----------------------------------------------------------------------------------

    /**
     * Parses a timespan: the .NET forms {@code [-][d.]hh:mm[:ss[.fffffff]]}, {@code [-][d:]h:mm:ss[.fffffff]} and
     * a whole number of days, plus the KQL literal forms {@code 2d}, {@code 1.5h}, {@code 30m}, {@code 10s},
     * {@code 100ms}, {@code 10microsecond}, {@code 1tick} (docs/kusto-rules.md §4.2).
     *
     * @param text the text, surrounding white space ignored
     * @return the duration in whole ticks, or {@code null} when it is not a timespan
     */
    public static Duration parseTimespan(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        Object canonical = CanonicalText.timespanTicks(s);
        if (canonical != CanonicalText.NOT_CANONICAL) {
            return canonical == null ? null : ofTicks((Long) canonical);
        }
        return parseTimespanGeneral(s);
    }

    /** {@link #parseTimespan} without the fast path, for trimmed text. */
    static Duration parseTimespanGeneral(String s) {
        Matcher m = DOTNET_TIMESPAN.matcher(s);
        if (m.matches()) {
            String dayText = m.group(2) != null ? m.group(2) : m.group(3);
            long days;
            try {
                days = dayText == null ? 0 : Long.parseLong(dayText);
            } catch (NumberFormatException e) {
                return null; // more days than a long holds: far past TimeSpan.MaxValue's 10,675,199
            }
            int hours = Integer.parseInt(m.group(4));
            int minutes = Integer.parseInt(m.group(5));
            int seconds = m.group(6) == null ? 0 : Integer.parseInt(m.group(6));
            if (hours > 23 || minutes > 59 || seconds > 59 || days > 10_675_199) {
                return null;
            }
            long ticks = ((days * 24 + hours) * 3600 + minutes * 60L + seconds) * TICKS_PER_SECOND
                    + fractionToNanos(m.group(7)) / NANOS_PER_TICK;
            return ofTicks("-".equals(m.group(1)) ? -ticks : ticks);
        }
        m = DAYS_ONLY.matcher(s);
        if (m.matches()) {
            long ticks = Long.parseLong(m.group(2)) * TICKS_PER_DAY;
            return ofTicks("-".equals(m.group(1)) ? -ticks : ticks);
        }
        m = KQL_TIMESPAN.matcher(s);
        if (m.matches()) {
            java.math.BigDecimal amount = new java.math.BigDecimal(m.group(2));
            long ticksPerUnit = switch (m.group(3).toLowerCase(Locale.ROOT)) {
                case "d", "day", "days" -> TICKS_PER_DAY;
                case "h", "hr", "hrs", "hour", "hours" -> 3600 * TICKS_PER_SECOND;
                case "m", "min", "mins", "minute", "minutes" -> 60 * TICKS_PER_SECOND;
                case "s", "sec", "secs", "second", "seconds" -> TICKS_PER_SECOND;
                case "ms", "milli", "millis", "millisecond", "milliseconds" -> TICKS_PER_SECOND / 1000;
                case "micro", "micros", "microsecond", "microseconds" -> 10;
                default -> 1; // tick, ticks
            };
            java.math.BigDecimal ticks = amount.multiply(java.math.BigDecimal.valueOf(ticksPerUnit));
            if (ticks.compareTo(java.math.BigDecimal.valueOf(Long.MAX_VALUE / 2)) > 0) {
                return null;
            }
            long t = ticks.setScale(0, java.math.RoundingMode.DOWN).longValueExact();
            return ofTicks("-".equals(m.group(1)) ? -t : t);
        }
        return null;
    }

    /** A duration of the given number of 100 ns ticks. */
    public static Duration ofTicks(long ticks) {
        return Duration.ofSeconds(
                Math.floorDiv(ticks, TICKS_PER_SECOND), Math.floorMod(ticks, TICKS_PER_SECOND) * NANOS_PER_TICK);
    }

    /** The number of whole 100 ns ticks in a duration (truncated toward zero). */
    public static long toTicks(Duration d) {
        return d.getSeconds() * TICKS_PER_SECOND + d.getNano() / NANOS_PER_TICK;
    }

    /**
     * Formats a timespan as Kusto writes it: {@code [-][d.]hh:mm:ss[.fffffff]}, e.g. {@code 1.00:00:01.0010001},
     * {@code -2.00:00:02.0020002}, {@code 00:00:00}; days only when non-zero, 7 fraction digits only when non-zero.
     *
     * @param d the value
     * @return the text
     */
    public static String formatTimespan(Duration d) {
        long ticks = toTicks(d);
        boolean negative = ticks < 0;
        // Long.MIN_VALUE ticks is TimeSpan.MinValue (-10675199.02:48:05.4775808): its negation overflows to itself,
        // which read as unsigned is the right magnitude, 2^63.
        long abs = negative ? -ticks : ticks;
        long days = Long.divideUnsigned(abs, TICKS_PER_DAY);
        long rest = Long.remainderUnsigned(abs, TICKS_PER_DAY);
        long hours = rest / (3600 * TICKS_PER_SECOND);
        rest %= 3600 * TICKS_PER_SECOND;
        long minutes = rest / (60 * TICKS_PER_SECOND);
        rest %= 60 * TICKS_PER_SECOND;
        long seconds = rest / TICKS_PER_SECOND;
        long fraction = rest % TICKS_PER_SECOND;
        StringBuilder sb = new StringBuilder(24);
        if (negative) {
            sb.append('-');
        }
        if (days > 0) {
            sb.append(days).append('.');
        }
        sb.append(CanonicalText.time(hours, minutes, seconds, fraction));
        return sb.toString();
    }

    // ---- guid ---------------------------------------------------------------------------------------

    /**
     * Parses a guid: the canonical {@code xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx} form or 32 hex digits without
     * hyphens, optionally in braces, any hex case (docs/kusto-rules.md §4.2).
     *
     * @param text the text
     * @return the guid, or {@code null} when it is not one
     */
    public static UUID parseGuid(String text) {
        if (text == null) {
            return null;
        }
        String s = text.trim();
        if (s.length() >= 2 && s.charAt(0) == '{' && s.charAt(s.length() - 1) == '}') {
            s = s.substring(1, s.length() - 1);
        }
        Object canonical = CanonicalText.guid(s);
        if (canonical != CanonicalText.NOT_CANONICAL) {
            return (UUID) canonical;
        }
        return parseGuidGeneral(s);
    }

    /** {@link #parseGuid} without the fast path, for trimmed text without braces. */
    static UUID parseGuidGeneral(String s) {
        if (GUID36.matcher(s).matches()) {
            return UUID.fromString(s);
        }
        if (HEX32.matcher(s).matches()) {
            return new UUID(
                    Long.parseUnsignedLong(s.substring(0, 16), 16), Long.parseUnsignedLong(s.substring(16), 16));
        }
        return null;
    }

    // ---- real ---------------------------------------------------------------------------------------

    /**
     * Formats a real for JSON output: a number, or the strings {@code "NaN"}, {@code "Infinity"},
     * {@code "-Infinity"} that Kusto writes for the non-finite values (docs/kusto-rules.md §6.3).
     *
     * @param d the value
     * @return the Java value to write: the Double itself when finite, else the string
     */
    public static Object realForJson(double d) {
        if (Double.isNaN(d)) {
            return "NaN";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "Infinity" : "-Infinity";
        }
        return d;
    }
}
