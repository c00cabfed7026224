package io.kustotyped.runtime.json;

/**
 * Fixed-layout writers for Kusto's {@code datetime} and {@code timespan} (docs/kusto-rules.md §4.1, §4.2), from plain
 * numbers, without {@code DateTimeFormatter} and without allocating.
 *
 * <p>Both types have 100 ns ticks. Finer nanoseconds are dropped: a datetime is floored to its 100 ns tick
 * (towards the past, which is plain truncation for instants after 1970), a timespan is truncated towards zero
 * (so {@code -150ns} is written as {@code -00:00:00.0000001}), which is how .NET's {@code TimeSpan} divides.
 * Values Kusto cannot hold are rejected with an {@link IllegalArgumentException} naming them rather than written
 * wrapped or clamped.
 */
final class KustoTime {

    /** 0001-01-01T00:00:00Z, the first second Kusto's datetime can hold (docs/kusto-rules.md §4.1: years 0001–9999). */
    static final long MIN_EPOCH_SECOND = -62_135_596_800L;
    /** 9999-12-31T23:59:59Z, the last whole second Kusto's datetime can hold. */
    static final long MAX_EPOCH_SECOND = 253_402_300_799L;

    /** .NET TimeSpan holds a signed 64-bit count of ticks: 922,337,203,685.4775807 s up, one tick more down. */
    private static final long TIMESPAN_MAX_SECONDS = Long.MAX_VALUE / 10_000_000L;

    private static final long TIMESPAN_MAX_TICK_FRACTION = Long.MAX_VALUE % 10_000_000L;

    private static final int DATETIME_LENGTH = 30; // "yyyy-MM-ddTHH:mm:ss.fffffffZ" with quotes

    /** {@code yyyy-MM-dd}. */
    static final int DATE_LENGTH = 10;

    private KustoTime() {}

    /** True when the instant {@code epochSecond} (+ any nanos) is inside Kusto's datetime range. */
    static boolean inRange(long epochSecond) {
        return epochSecond >= MIN_EPOCH_SECOND && epochSecond <= MAX_EPOCH_SECOND;
    }

    /**
     * Writes {@code "yyyy-MM-ddTHH:mm:ss.fffffffZ"}; the caller has checked {@link #inRange(long)}.
     *
     * @param nanos 0..999,999,999
     */
    static void datetime(JsonOutput out, long epochSecond, int nanos) {
        long days = Math.floorDiv(epochSecond, 86_400L);
        int secOfDay = (int) (epochSecond - days * 86_400L);
        byte[] date = out.datetimeDate;
        if (days != out.datetimeDay) {
            writeDate(date, days);
            out.datetimeDay = days;
        }

        byte[] b = out.reserve(DATETIME_LENGTH);
        int p = out.pos;
        b[p] = '"';
        System.arraycopy(date, 0, b, p + 1, DATE_LENGTH);
        b[p + 11] = 'T';
        int hour = secOfDay / 3600;
        int rest = secOfDay - hour * 3600;
        int minute = rest / 60;
        Digits.write2(b, p + 12, hour);
        b[p + 14] = ':';
        Digits.write2(b, p + 15, minute);
        b[p + 17] = ':';
        Digits.write2(b, p + 18, rest - minute * 60);
        b[p + 20] = '.';
        writeTicks(b, p + 21, nanos / 100);
        b[p + 28] = 'Z';
        b[p + 29] = '"';
        out.pos = p + DATETIME_LENGTH;
    }

    /**
     * The civil date of {@code days} since 1970-01-01 as {@code yyyy-MM-dd} into {@code date[0, 10)}. The caller
     * remembers it per output: the rows of one batch mostly share a day, and copying the 10 bytes was 4–8 % faster
     * per log row than recomputing them (docs/performance.md §1.3).
     */
    private static void writeDate(byte[] date, long days) {
        // Civil date from days since 1970-01-01 (H. Hinnant, "chrono-compatible low-level date algorithms"),
        // with eras of 400 years starting on March 1st. Inside Kusto's range z >= 0, so plain division is floor.
        long z = days + 719_468L;
        long era = z / 146_097L;
        int doe = (int) (z - era * 146_097L); // day of era [0, 146096]
        int yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365; // year of era [0, 399]
        int doy = doe - (365 * yoe + yoe / 4 - yoe / 100); // day of year from March 1st
        int mp = (5 * doy + 2) / 153; // month from March [0, 11]
        int day = doy - (153 * mp + 2) / 5 + 1;
        int month = mp < 10 ? mp + 3 : mp - 9;
        int year = (int) (era * 400 + yoe) + (month <= 2 ? 1 : 0);
        Digits.write2(date, 0, year / 100);
        Digits.write2(date, 2, year % 100);
        date[4] = '-';
        Digits.write2(date, 5, month);
        date[7] = '-';
        Digits.write2(date, 8, day);
    }

    /**
     * Writes {@code "[-][d.]hh:mm:ss[.fffffff]"}, .NET's constant ("c") TimeSpan format that Kusto reads and
     * writes: days only when at least one day, the fraction only when not zero, always 7 fraction digits.
     *
     * @param seconds as {@link java.time.Duration#getSeconds()}
     * @param nanos as {@link java.time.Duration#getNano()}, 0..999,999,999
     * @param what the value, for the error message only
     * @throws IllegalArgumentException when the duration does not fit a .NET TimeSpan (±~29,227 years)
     */
    static void timespan(JsonOutput out, long seconds, int nanos, Object what) {
        boolean negative = seconds < 0;
        long magSeconds;
        int magNanos;
        if (!negative) {
            magSeconds = seconds;
            magNanos = nanos;
        } else if (nanos == 0) {
            magSeconds = -seconds; // Long.MIN_VALUE overflows here and is rejected just below
            magNanos = 0;
        } else {
            magSeconds = -(seconds + 1);
            magNanos = 1_000_000_000 - nanos;
        }
        int ticks = magNanos / 100; // truncation towards zero
        if (seconds == Long.MIN_VALUE
                || magSeconds > TIMESPAN_MAX_SECONDS
                || magSeconds == TIMESPAN_MAX_SECONDS && ticks > TIMESPAN_MAX_TICK_FRACTION + (negative ? 1 : 0)) {
            throw new IllegalArgumentException("Duration " + what
                    + " is outside Kusto's timespan range (a .NET TimeSpan:" + " ±10675199.02:48:05.4775807)");
        }
        if (negative && magSeconds == 0 && ticks == 0) {
            negative = false; // -50ns truncates to zero: no "-00:00:00"
        }
        byte[] b = out.reserve(40);
        int p = out.pos;
        b[p++] = '"';
        if (negative) {
            b[p++] = '-';
        }
        long days = magSeconds / 86_400L;
        int secOfDay = (int) (magSeconds - days * 86_400L);
        if (days > 0) {
            p += Digits.count(days);
            Digits.writeBackwards(b, p, days);
            b[p++] = '.';
        }
        int hour = secOfDay / 3600;
        int rest = secOfDay - hour * 3600;
        int minute = rest / 60;
        Digits.write2(b, p, hour);
        b[p + 2] = ':';
        Digits.write2(b, p + 3, minute);
        b[p + 5] = ':';
        Digits.write2(b, p + 6, rest - minute * 60);
        p += 8;
        if (ticks != 0) {
            b[p] = '.';
            writeTicks(b, p + 1, ticks);
            p += 8;
        }
        b[p++] = '"';
        out.pos = p;
    }

    /** Exactly 7 digits of {@code 0 <= ticks < 10^7} at {@code p}. */
    private static void writeTicks(byte[] b, int p, int ticks) {
        int hi = ticks / 100_000; // 2 digits
        int lo = ticks - hi * 100_000; // 5 digits
        Digits.write2(b, p, hi);
        int a = lo / 1_000;
        int r = lo - a * 1_000;
        Digits.write2(b, p + 2, a);
        int c = r / 10;
        Digits.write2(b, p + 4, c);
        b[p + 6] = (byte) ('0' + (r - c * 10));
    }
}
